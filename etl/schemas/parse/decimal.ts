/**
 * Exact decimal text → bigint scaled by 10^scale, without ever going through a float.
 * Accepts a sign, thousands separators in the right places (`1,234.56`), full-width digits,
 * comma and point. Digits beyond `scale` are rounded half away from zero
 * (`0.005` → 1 at scale 2, `-0.005` → -1).
 */
import { toHalfWidth } from './half-width.ts';
import { ParseFailure, quote } from './parse-failure.ts';

const DECIMAL = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const THOUSANDS_SEPARATOR = /,/g;
const ZEROS = '000000000000000000';

/** Largest magnitude of DECIMAL(18, s) in units of 10^-s: eighteen nines. */
export const DECIMAL18_MAX_UNITS = 999_999_999_999_999_999n;

export interface DecimalText {
  readonly negative: boolean;
  readonly integerDigits: string;
  readonly fractionDigits: string;
}

/** Splits decimal text into sign and digits; null when it is not a decimal number. */
export function splitDecimal(raw: string): DecimalText | null {
  const match = DECIMAL.exec(toHalfWidth(raw));
  if (match === null) return null;
  const integerPart = match[2] ?? '';
  return {
    negative: match[1] === '-',
    integerDigits: integerPart.length > 3 && integerPart.includes(',') ? integerPart.replace(THOUSANDS_SEPARATOR, '') : integerPart,
    fractionDigits: match[3] ?? '',
  };
}

/** The value in units of 10^-scale, rounded half away from zero. */
export function toScaledUnits(decimal: DecimalText, scale: number): bigint {
  const { integerDigits, fractionDigits } = decimal;
  let units: bigint;
  if (fractionDigits.length <= scale) {
    units = BigInt(integerDigits + fractionDigits + ZEROS.slice(0, scale - fractionDigits.length));
  } else {
    units = BigInt(integerDigits + fractionDigits.slice(0, scale));
    // Half away from zero: the magnitude rounds up on a first dropped digit of 5 or more.
    if (fractionDigits.charCodeAt(scale) >= 53 /* '5' */) units += 1n;
  }
  return decimal.negative ? -units : units;
}

/** A DECIMAL(18, scale) value as bigint units, e.g. `parseDecimal('1.5', 4)` → 15000n. */
export function parseDecimal(raw: string, scale: number): bigint | ParseFailure {
  const decimal = splitDecimal(raw);
  if (decimal === null) return new ParseFailure('number_format', `expected a decimal number such as 1234.5 or 1,234.5, got ${quote(raw)}`);
  const units = toScaledUnits(decimal, scale);
  if (units > DECIMAL18_MAX_UNITS || units < -DECIMAL18_MAX_UNITS) {
    return new ParseFailure('number_out_of_range', `${quote(raw)} does not fit DECIMAL(18,${scale})`);
  }
  return units;
}
