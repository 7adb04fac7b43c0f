/**
 * GB/T 4754-2017 industry classification (see gbt4754_2017.SOURCE.md): all four levels.
 * Loaded once, on first lookup.
 */
import { readReferenceCsv } from './read-reference-csv.ts';

export type Gbt4754Level = 'section' | 'division' | 'group' | 'class';

export interface Gbt4754Entry {
  readonly code: string;
  readonly level: Gbt4754Level;
  readonly name: string;
  readonly section: string;
}

let entries: ReadonlyMap<string, Gbt4754Entry> | undefined;

function load(): ReadonlyMap<string, Gbt4754Entry> {
  const map = new Map<string, Gbt4754Entry>();
  for (const [code = '', level = '', name = '', , section = ''] of readReferenceCsv('gbt4754_2017.csv', 'code,level,name,parent_code,section')) {
    map.set(code, Object.freeze({ code, level: level as Gbt4754Level, name, section }));
  }
  return map;
}

/** The entry (any level) with this code, e.g. `3915` (class) or `391` (group). */
export function findIndustry(code: string): Gbt4754Entry | undefined {
  entries ??= load();
  return entries.get(code);
}

/** Every entry, in the order of the file (the SQL reference table of etl/schemas/sql/reference-tables.ts). */
export function allIndustries(): readonly Gbt4754Entry[] {
  entries ??= load();
  return [...entries.values()];
}
