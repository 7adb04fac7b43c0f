/**
 * Dates and periods of the data contract → "YYYY-MM-DD" (a period → its month's first day).
 * Only real calendar dates between 1900-01-01 and 2100-12-31 pass: years outside that range
 * are typos in this domain (0202, 2220), not history.
 */
import { toHalfWidth } from './half-width.ts';
import { ParseFailure, quote } from './parse-failure.ts';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SEPARATED_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const SEPARATED_PERIOD = /^(\d{4})-(\d{1,2})$/;
const COMPACT_PERIOD = /^(\d{4})(\d{2})$/;
const CHINESE_PERIOD = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/;

const DATE_FORMATS = 'YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD or YYYY年M月D日';
const PERIOD_FORMATS = 'YYYY-MM, YYYYMM or YYYY年M月';

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function dateFailure(raw: string, year: number, month: number, day: number): ParseFailure | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return new ParseFailure('date_invalid', `${quote(raw)} is not a real calendar date`);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return new ParseFailure('date_out_of_range', `${quote(raw)} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return null;
}

function checkedDate(raw: string, year: number, month: number, day: number): string | ParseFailure {
  return dateFailure(raw, year, month, day) ?? `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The number of the ASCII digits text[start..end). */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index++) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}

export function parseDate(raw: string): string | ParseFailure {
  // Fast path: already "YYYY-MM-DD", checked without building a new string.
  if (ISO_DATE.test(raw)) return dateFailure(raw, digitsAt(raw, 0, 4), digitsAt(raw, 5, 7), digitsAt(raw, 8, 10)) ?? raw;
  const text = toHalfWidth(raw);
  const match = SEPARATED_DATE.exec(text) ?? COMPACT_DATE.exec(text) ?? CHINESE_DATE.exec(text);
  if (match === null) return new ParseFailure('date_format', `expected a date as ${DATE_FORMATS}, got ${quote(raw)}`);
  // SEPARATED_DATE captures the separator as group 2.
  const [year, month, day] = match.length === 5 ? [match[1], match[3], match[4]] : [match[1], match[2], match[3]];
  return checkedDate(raw, Number(year), Number(month), Number(day));
}

export function parsePeriod(raw: string): string | ParseFailure {
  const text = toHalfWidth(raw);
  const match = SEPARATED_PERIOD.exec(text) ?? COMPACT_PERIOD.exec(text) ?? CHINESE_PERIOD.exec(text);
  if (match === null) return new ParseFailure('period_format', `expected a month as ${PERIOD_FORMATS}, got ${quote(raw)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return new ParseFailure('period_invalid', `${quote(raw)} is not a real month`);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return new ParseFailure('date_out_of_range', `${quote(raw)} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return `${year}-${pad2(month)}-01`;
}
