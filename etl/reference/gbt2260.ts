/**
 * GB/T 2260 administrative division codes (see gbt2260.SOURCE.md for levels and roll-up).
 * Loaded once, on first lookup.
 */
import { readReferenceCsv } from './read-reference-csv.ts';

export type Gbt2260Level = 'province' | 'municipality' | 'city' | 'county_group' | 'county';

export interface Gbt2260Division {
  readonly code: string;
  readonly name: string;
  readonly level: Gbt2260Level;
  /** The city the code counts for, or null when the code is not a city or below one. */
  readonly cityCode: string | null;
}

const LEVELS: ReadonlySet<string> = new Set<Gbt2260Level>(['province', 'municipality', 'city', 'county_group', 'county']);

let divisions: ReadonlyMap<string, Gbt2260Division> | undefined;

function load(): ReadonlyMap<string, Gbt2260Division> {
  const map = new Map<string, Gbt2260Division>();
  readReferenceCsv('gbt2260.csv', 'code,name,level,city_code').forEach(([code = '', name = '', level = '', cityCode = ''], index) => {
    if (!LEVELS.has(level)) throw new Error(`etl/reference/gbt2260.csv line ${index + 2}: unknown level "${level}"`);
    map.set(code, Object.freeze({ code, name, level: level as Gbt2260Level, cityCode: cityCode === '' ? null : cityCode }));
  });
  return map;
}

/** The division with this six-digit code, or undefined when GB/T 2260 has no such code. */
export function findDivision(code: string): Gbt2260Division | undefined {
  divisions ??= load();
  return divisions.get(code);
}

/** Every division, in code order. */
export function allDivisions(): readonly Gbt2260Division[] {
  divisions ??= load();
  return [...divisions.values()];
}
