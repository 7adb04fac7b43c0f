/** Small code formats: digit-only registration numbers, patent-intensive category codes. */
import { toHalfWidth } from './half-width.ts';
import { ParseFailure, quote } from './parse-failure.ts';

const DIGITS = /^\d+$/;
const CATEGORY_CODE = /^0?([1-7])$/;

export function parseDigits(raw: string): string | ParseFailure {
  const text = toHalfWidth(raw);
  return DIGITS.test(text) ? text : new ParseFailure('digits_only', `expected digits only, got ${quote(raw)}`);
}

/** Patent-intensive industry categories 01–07 (`3` is read as `03`). */
export function parseCategoryCode(raw: string): string | ParseFailure {
  const match = CATEGORY_CODE.exec(toHalfWidth(raw));
  return match === null ? new ParseFailure('category_code_range', `expected a category code from 01 to 07, got ${quote(raw)}`) : `0${match[1]}`;
}
