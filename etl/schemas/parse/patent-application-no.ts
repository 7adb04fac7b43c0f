/**
 * Chinese patent application numbers (专利申请号), CNIPA rules:
 * - since 2003: 12 digits (YYYY, type digit, 7-digit serial) + "." + check digit;
 * - before 2003: 8 digits (YY, type digit, 5-digit serial) + "." + check digit.
 * The check digit is Σ(digit × weight) mod 11 with weights 2,3,4,5,6,7,8,9,2,3,4,5 (2…9 for
 * 8 digits); 10 is written X. A `CN` or `ZL` (专利号) prefix, spaces and a missing point are
 * accepted; the normalised form is `201710601862.3`.
 */
import { toHalfWidth } from './half-width.ts';
import { ParseFailure, quote } from './parse-failure.ts';

export type PatentType = 'invention' | 'utility_model' | 'design';

const APPLICATION_NO = /^(?:CN|ZL)?(\d{12}|\d{8})\.?([0-9X])$/;
const HAS_SPACE = /\s/;
const SPACES = /\s+/g;
const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;
export const TYPE_DIGIT_INDEX_12 = 4;
export const TYPE_DIGIT_INDEX_8 = 2;
/** 8 and 9 are PCT applications entering the national phase (invention, utility model). */
export const TYPE_BY_DIGIT_12: Readonly<Record<string, PatentType>> = { '1': 'invention', '8': 'invention', '2': 'utility_model', '9': 'utility_model', '3': 'design' };
export const TYPE_BY_DIGIT_8: Readonly<Record<string, PatentType>> = { '1': 'invention', '2': 'utility_model', '3': 'design' };

export function applicationNoCheckDigit(digits: string): string {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) sum += (digits.charCodeAt(index) - 48) * WEIGHTS[index]!;
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

/** The patent type a normalised application number encodes (its type digit). */
export function patentTypeOfApplicationNo(applicationNo: string): PatentType | undefined {
  const digits = applicationNo.slice(0, applicationNo.indexOf('.'));
  return digits.length === 12 ? TYPE_BY_DIGIT_12[digits[TYPE_DIGIT_INDEX_12]!] : TYPE_BY_DIGIT_8[digits[TYPE_DIGIT_INDEX_8]!];
}

const NORMALISED = /^(?:\d{12}|\d{8})\.[0-9X]$/;

export function parseApplicationNo(raw: string): string | ParseFailure {
  // Fast path: already normalised, so no copies are made.
  if (NORMALISED.test(raw)) {
    const point = raw.length - 2;
    const digits = raw.slice(0, point);
    if (raw[point + 1] === applicationNoCheckDigit(digits) && patentTypeOfApplicationNo(raw) !== undefined) return raw;
  }
  let text = toHalfWidth(raw).toUpperCase();
  if (HAS_SPACE.test(text)) text = text.replace(SPACES, '');
  const match = APPLICATION_NO.exec(text);
  if (match === null) {
    return new ParseFailure('application_no_format', `expected 12 digits + "." + check digit (8 + 1 before 2003), optionally prefixed CN, e.g. 201710601862.3, got ${quote(raw)}`);
  }
  const digits = match[1]!;
  const given = match[2]!;
  const normalised = `${digits}.${given}`;
  const expected = applicationNoCheckDigit(digits);
  if (given !== expected) {
    return new ParseFailure('application_no_check', `check digit is ${given}, expected ${expected} (${normalised})`);
  }
  if (patentTypeOfApplicationNo(normalised) === undefined) {
    const index = digits.length === 12 ? TYPE_DIGIT_INDEX_12 : TYPE_DIGIT_INDEX_8;
    const allowed = digits.length === 12 ? '1, 2, 3, 8 or 9' : '1, 2 or 3';
    return new ParseFailure('application_no_type', `type digit (digit ${index + 1}) is ${digits[index]}, expected ${allowed} (${normalised})`);
  }
  return normalised;
}
