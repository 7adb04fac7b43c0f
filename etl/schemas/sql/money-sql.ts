/**
 * The twin of parse/money.ts: yuan → DECIMAL(18,2). The unit suffix is looked at on the raw text
 * (元, or 万元 / 萬元 which moves the point four places), then the ¥ / ￥ prefix with any
 * JavaScript whitespace after it, then the decimal in half-width, as in parseMoneyFen.
 */
import type { MoneySign } from '../parse/money.ts';
import { sqlHalfWidth } from './half-width-sql.ts';
import { sqlOutsideDecimal18, sqlScaledUnits, sqlSplitDecimal, sqlUnitsToDecimal18 } from './decimal-sql.ts';
import { JS_WHITESPACE_CLASS } from './js-whitespace.ts';
import { sqlConcat, sqlQuote, sqlString, twinOf, type SqlFailureCheck, type SqlFieldTwin } from './sql-field-twin.ts';
import { JS_TRIM_CHARACTERS } from './js-trim.ts';

const FEN_PER_YUAN_DIGITS = 2;
const WAN_DIGITS = 4;
const CURRENCY_PREFIX = `^[¥￥]${JS_WHITESPACE_CLASS}*`;

function isWan(text: string): string {
  return `(suffix(${text}, '万元') OR suffix(${text}, '萬元'))`;
}

/** stripUnit's amount: the text without its unit, trimmed at the end as String.prototype.trimEnd does. */
function amount(text: string): string {
  const withoutUnit = `(CASE WHEN ${isWan(text)} THEN substr(${text}, 1, length(${text}) - 2) WHEN suffix(${text}, '元') THEN substr(${text}, 1, length(${text}) - 1) ELSE ${text} END)`;
  return `rtrim(${withoutUnit}, ${sqlString(JS_TRIM_CHARACTERS)})`;
}

function decimalOf(text: string) {
  return sqlSplitDecimal(sqlHalfWidth(`regexp_replace(${amount(text)}, ${sqlString(CURRENCY_PREFIX)}, '')`));
}

/** The amount in fen (HUGEINT), NULL when it has too many digits for any DECIMAL(18,2). */
function fen(text: string): string {
  const decimal = decimalOf(text);
  return `(CASE WHEN ${isWan(text)} THEN ${sqlScaledUnits(decimal, FEN_PER_YUAN_DIGITS + WAN_DIGITS)} ELSE ${sqlScaledUnits(decimal, FEN_PER_YUAN_DIGITS)} END)`;
}

function signCheck(text: string, sign: MoneySign): SqlFailureCheck[] {
  if (sign === 'non_negative') return [{ when: `(${fen(text)} < 0)`, rule: 'money_negative', message: sqlConcat(sqlString('expected an amount ≥ 0, got '), sqlQuote(text)) }];
  if (sign === 'positive') return [{ when: `(${fen(text)} <= 0)`, rule: 'money_not_positive', message: sqlConcat(sqlString('expected an amount > 0, got '), sqlQuote(text)) }];
  return [];
}

export function moneyTwin(sign: MoneySign): SqlFieldTwin {
  return twinOf(
    (text) => [
      {
        when: `NOT ${decimalOf(text).matches}`,
        rule: 'money_format',
        message: sqlConcat(sqlString('expected an amount in yuan such as 1234.56, 1,234.56 or 12.5万元, got '), sqlQuote(text)),
      },
      {
        when: sqlOutsideDecimal18(fen(text)),
        rule: 'money_out_of_range',
        message: sqlConcat(sqlQuote(text), sqlString(' does not fit DECIMAL(18,2) (at most 9,999,999,999,999,999.99 yuan)')),
      },
      ...signCheck(text, sign),
    ],
    (text) => sqlUnitsToDecimal18(fen(text), FEN_PER_YUAN_DIGITS),
  );
}
