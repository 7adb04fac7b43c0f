/**
 * The twin of parse/money.ts: yuan → DECIMAL(18,2). As in parseMoneyFen, the unit suffix is
 * looked at on the raw text (元, or 万元 / 萬元, which moves the point four places) and removed
 * with the JavaScript whitespace before it (stripUnit's trimEnd), then the ¥ / ￥ prefix with any
 * JavaScript whitespace after it, then the rest is a decimal in half-width. A 万元 amount is
 * rounded to 6 decimals of 万元 (the fen) and multiplied by 10,000, exactly, in DECIMAL.
 */
import type { MoneySign } from '../parse/money.ts';
import { sqlHalfWidth } from './half-width-sql.ts';
import { sqlDecimal38, sqlIsDecimal, sqlOutsideDecimal18 } from './decimal-sql.ts';
import { JS_WHITESPACE_CLASS } from './js-whitespace.ts';
import { sqlConcat, sqlQuote, sqlString, twinOf, type SqlFailureCheck, type SqlFieldTwin } from './sql-field-twin.ts';
import { withFastPath } from './fast-path.ts';

const FEN_PER_YUAN_DIGITS = 2;
const WAN_DIGITS = 4;
/** A trailing 元 / 万元 / 萬元 and the whitespace before it; RE2 takes the leftmost match, so all of that whitespace. */
const UNIT_SUFFIX = `${JS_WHITESPACE_CLASS}*[万萬]?元$`;
const CURRENCY_PREFIX = `^[¥￥]${JS_WHITESPACE_CLASS}*`;

function isWan(text: string): string {
  return `(suffix(${text}, '万元') OR suffix(${text}, '萬元'))`;
}

/** The decimal text of the amount: without unit and currency sign, in half-width. */
function amount(text: string): string {
  return sqlHalfWidth(`regexp_replace(regexp_replace(${text}, ${sqlString(UNIT_SUFFIX)}, ''), ${sqlString(CURRENCY_PREFIX)}, '')`);
}

/**
 * The amount in yuan as DECIMAL(38,2), rounded half away from zero to the fen; NULL when it is
 * far too large. A 万元 amount beyond DECIMAL(18,6) of 万元 is beyond DECIMAL(18,2) of yuan too,
 * so the TRY_CAST to DECIMAL(18,6) before × 10,000 loses nothing that could fit.
 */
function yuan(text: string): string {
  const wanScale = FEN_PER_YUAN_DIGITS + WAN_DIGITS;
  // Through DECIMAL(18,6) to NULL what cannot fit, back to width 38 so that × 10,000 cannot overflow.
  const wanAmount = `CAST(TRY_CAST(${sqlDecimal38(amount(text), wanScale)} AS DECIMAL(18,${wanScale})) AS DECIMAL(38,${wanScale}))`;
  const fromWan = `CAST(${wanAmount} * 10000 AS DECIMAL(38,${FEN_PER_YUAN_DIGITS}))`;
  return `(CASE WHEN ${isWan(text)} THEN ${fromWan} ELSE ${sqlDecimal38(amount(text), FEN_PER_YUAN_DIGITS)} END)`;
}

function signCheck(text: string, sign: MoneySign): SqlFailureCheck[] {
  if (sign === 'non_negative') return [{ when: `(${yuan(text)} < 0)`, rule: 'money_negative', message: sqlConcat(sqlString('expected an amount ≥ 0, got '), sqlQuote(text)) }];
  if (sign === 'positive') return [{ when: `(${yuan(text)} <= 0)`, rule: 'money_not_positive', message: sqlConcat(sqlString('expected an amount > 0, got '), sqlQuote(text)) }];
  return [];
}

function fullMoneyTwin(sign: MoneySign): SqlFieldTwin {
  return twinOf(
    (text) => [
      {
        when: `NOT ${sqlIsDecimal(amount(text))}`,
        rule: 'money_format',
        message: sqlConcat(sqlString('expected an amount in yuan such as 1234.56, 1,234.56 or 12.5万元, got '), sqlQuote(text)),
      },
      {
        when: sqlOutsideDecimal18(yuan(text), FEN_PER_YUAN_DIGITS),
        rule: 'money_out_of_range',
        message: sqlConcat(sqlQuote(text), sqlString(' does not fit DECIMAL(18,2) (at most 9,999,999,999,999,999.99 yuan)')),
      },
      ...signCheck(text, sign),
    ],
    (text) => `TRY_CAST(${yuan(text)} AS DECIMAL(18,${FEN_PER_YUAN_DIGITS}))`,
  );
}

/** Fast path: plain yuan with at most two decimals (at most 16 digits before the point: DECIMAL(18,2)), of the right sign. */
export function moneyTwin(sign: MoneySign): SqlFieldTwin {
  const positive = sign === 'positive' ? (text: string) => ` AND TRY_CAST(${text} AS DECIMAL(18,2)) > 0` : () => '';
  return withFastPath(fullMoneyTwin(sign), {
    when: (text) => `(regexp_full_match(${text}, '[0-9]{1,16}(\\.[0-9]{1,2})?')${positive(text)})`,
    value: (text) => `TRY_CAST(${text} AS DECIMAL(18,2))`,
  });
}
