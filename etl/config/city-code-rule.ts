/**
 * Which codes may name a configured city: six-digit GB/T 2260 codes at city level, i.e. codes
 * that count for themselves once rolled up — a prefecture-level city `PPCC00`, one of the four
 * municipalities (110000, 120000, 310000, 500000), or a county-level unit administered
 * directly by its province (`PP90xx`, e.g. 429004 仙桃市), which has no city above it.
 * The table is etl/reference/gbt2260.csv (see its SOURCE.md for the roll-up rules).
 */
import { findDivision } from '../reference/gbt2260.ts';

/** Why `code` cannot name a configured city, or null when it can. */
export function cityLevelProblem(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return 'city code must be six digits (GB/T 2260)';
  const division = findDivision(code);
  if (division === undefined) return `${code} is not a GB/T 2260 administrative division code`;
  if (division.cityCode === code) return null;
  if (division.cityCode !== null) return `${code} (${division.name}) is not a city-level code: it rolls up to ${division.cityCode}; configure that code`;
  return `${code} (${division.name}) is a ${division.level.replace('_', ' ')} code, not a city-level code`;
}

export function isCityLevelCode(code: string): boolean {
  return cityLevelProblem(code) === null;
}
