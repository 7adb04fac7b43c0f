/**
 * GB/T 2260 six-digit codes → the city they count for plus the code as given (see
 * etl/reference/gbt2260.SOURCE.md for the roll-up). One frozen pair per known code is built
 * once, so a lookup allocates nothing.
 */
import { findDivision } from '../../reference/gbt2260.ts';
import { toHalfWidth } from './half-width.ts';
import { ParseFailure, quote } from './parse-failure.ts';

/** A city code as parsed: `city` rolled up (district → city), `admin` as given. */
export interface CityCodePair {
  readonly city: string;
  readonly admin: string;
}

const SIX_DIGITS = /^\d{6}$/;
const pairs = new Map<string, CityCodePair>();

export function parseCityCode(raw: string): CityCodePair | ParseFailure {
  const code = toHalfWidth(raw);
  const cached = pairs.get(code);
  if (cached !== undefined) return cached;
  if (!SIX_DIGITS.test(code)) return new ParseFailure('city_code_format', `expected a six-digit GB/T 2260 code such as 440305, got ${quote(raw)}`);
  const division = findDivision(code);
  if (division === undefined) return new ParseFailure('city_code_unknown', `${code} is not a GB/T 2260 administrative division code`);
  if (division.cityCode === null) {
    return new ParseFailure('city_code_not_city', `${code} (${division.name}) is a ${division.level.replace('_', ' ')} code; expected a city, county or district code`);
  }
  const pair = Object.freeze({ city: division.cityCode, admin: code });
  pairs.set(code, pair);
  return pair;
}
