/** Integers (with optional thousands separators and full-width digits) within [min, max]. */
import { toHalfWidth } from './half-width.ts';
import { ParseFailure, quote } from './parse-failure.ts';

const INTEGER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)$/;
const THOUSANDS_SEPARATOR = /,/g;

export function parseInteger(raw: string, min: number, max: number): number | ParseFailure {
  const text = toHalfWidth(raw);
  if (!INTEGER.test(text)) return new ParseFailure('integer_format', `expected a whole number such as 12 or 1,234, got ${quote(raw)}`);
  const value = Number(text.includes(',') ? text.replace(THOUSANDS_SEPARATOR, '') : text);
  if (value < min || value > max) return new ParseFailure('integer_range', `expected a whole number from ${min} to ${max}, got ${quote(raw)}`);
  return value;
}
