/**
 * GB/T 4754-2017 four-digit classes (小类). A leading section letter matching the class
 * (`C3915`, as some registers print it) is accepted and dropped.
 */
import { findIndustry } from '../../reference/gbt4754.ts';
import { toHalfWidth } from './half-width.ts';
import { ParseFailure, quote } from './parse-failure.ts';

const INDUSTRY_CODE = /^([A-T])?(\d{2,4})$/;

export function parseIndustryCode(raw: string): string | ParseFailure {
  const match = INDUSTRY_CODE.exec(toHalfWidth(raw).toUpperCase());
  if (match === null) return new ParseFailure('industry_code_format', `expected a four-digit GB/T 4754-2017 class such as 3915, got ${quote(raw)}`);
  const section = match[1];
  const code = match[2]!;
  const entry = findIndustry(code);
  if (entry === undefined) return new ParseFailure('industry_code_unknown', `${code} is not a GB/T 4754-2017 code`);
  if (entry.level !== 'class') {
    return new ParseFailure('industry_code_not_class', `${code} (${entry.name}) is a ${entry.level}; expected a four-digit class`);
  }
  if (section !== undefined && section !== entry.section) {
    return new ParseFailure('industry_code_section', `${code} (${entry.name}) is in section ${entry.section}, not ${section} (${quote(raw)})`);
  }
  return code;
}
