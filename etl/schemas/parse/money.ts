/**
 * Money → bigint fen (DECIMAL(18,2) in units of 0.01 yuan), exact.
 * A value may end in 元 (yuan) or 万元 / 萬元 (ten thousand yuan; the ingestion appends 万元 to
 * every value of a column whose header says (万元)), and may start with ¥ / ￥.
 * More than two decimals of a yuan are rounded half away from zero to the fen.
 */
import { DECIMAL18_MAX_UNITS, splitDecimal, toScaledUnits } from './decimal.ts';
import { ParseFailure, quote } from './parse-failure.ts';

export type MoneySign = 'non_negative' | 'positive' | 'any';

const FEN_PER_YUAN_DIGITS = 2;
const WAN_DIGITS = 4;
const CURRENCY_PREFIX = /^[¥￥]\s*/;

function stripUnit(text: string): { amount: string; extraDigits: number } {
  if (text.endsWith('万元') || text.endsWith('萬元')) return { amount: text.slice(0, -2).trimEnd(), extraDigits: WAN_DIGITS };
  if (text.endsWith('元')) return { amount: text.slice(0, -1).trimEnd(), extraDigits: 0 };
  return { amount: text, extraDigits: 0 };
}

export function parseMoneyFen(raw: string, sign: MoneySign): bigint | ParseFailure {
  const { amount, extraDigits } = stripUnit(raw);
  const decimal = splitDecimal(CURRENCY_PREFIX.test(amount) ? amount.replace(CURRENCY_PREFIX, '') : amount);
  if (decimal === null) {
    return new ParseFailure('money_format', `expected an amount in yuan such as 1234.56, 1,234.56 or 12.5万元, got ${quote(raw)}`);
  }
  // 万元 moves the decimal point four more places: the digits are scaled, no float is involved.
  const units = toScaledUnits(decimal, FEN_PER_YUAN_DIGITS + extraDigits);
  if (units > DECIMAL18_MAX_UNITS || units < -DECIMAL18_MAX_UNITS) {
    return new ParseFailure('money_out_of_range', `${quote(raw)} does not fit DECIMAL(18,2) (at most 9,999,999,999,999,999.99 yuan)`);
  }
  if (sign === 'non_negative' && units < 0n) return new ParseFailure('money_negative', `expected an amount ≥ 0, got ${quote(raw)}`);
  if (sign === 'positive' && units <= 0n) return new ParseFailure('money_not_positive', `expected an amount > 0, got ${quote(raw)}`);
  return units;
}
