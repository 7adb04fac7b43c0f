/** Integers (with optional thousands separators and full-width digits) within [min, max]. */
import { splitDecimal } from './decimal.ts';
import { ParseFailure, quote } from './parse-failure.ts';

export function parseInteger(raw: string, min: number, max: number): number | ParseFailure {
  const decimal = splitDecimal(raw);
  if (decimal === null || decimal.fractionDigits !== '') {
    return new ParseFailure('integer_format', `expected a whole number such as 12 or 1,234, got ${quote(raw)}`);
  }
  const value = Number(decimal.integerDigits);
  // "-0" is 0: a negative zero would not equal 0 in a Parquet INT32 round trip or Object.is.
  const signed = decimal.negative && value !== 0 ? -value : value;
  if (signed < min || signed > max) return new ParseFailure('integer_range', `expected a whole number from ${min} to ${max}, got ${quote(raw)}`);
  return signed;
}
