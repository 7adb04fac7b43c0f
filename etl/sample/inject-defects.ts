/** Places a dataset's bad rows across its files and records where each one went. */
import { defectCount, type DefectKind, type DefectRule } from './bad-rows.ts';
import type { SampleRecord } from './csv-rendering.ts';
import type { PlannedFile } from './sample-files.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface InjectedDefect {
  readonly path: string;
  /** Record number in the file, the header being record 1 (as `_source_row` counts). */
  readonly record: number;
  readonly kind: DefectKind;
  readonly column: string;
}

export interface InjectionResult {
  readonly defects: readonly InjectedDefect[];
  readonly badRecords: ReadonlySet<SampleRecord>;
}

const ATTEMPTS_PER_DEFECT = 500;

/**
 * `sheltered` rows are never made bad: the large enterprises' register rows, accounts and
 * patents, each of which carries a large part of a city's value added (one bad row would swing
 * the patent-intensive figures by whole percent of GDP). They still count towards how many bad
 * rows a dataset gets, and the others are drawn from exactly as before they existed.
 */
export function injectDefects(files: readonly PlannedFile[], rules: readonly DefectRule[], random: SeededRandom, sheltered: ReadonlySet<SampleRecord> = new Set()): InjectionResult {
  const allPositions = files.flatMap((file) => file.records.map((record, index) => ({ file, record, index })));
  const positions = allPositions.filter((position) => !sheltered.has(position.record));
  const wanted = Math.min(defectCount(allPositions.length, rules.length), positions.length);
  const badRecords = new Set<SampleRecord>();
  const defects: InjectedDefect[] = [];
  const firstRule = rules.length > 0 ? random.int(0, rules.length - 1) : 0;
  for (let i = 0; i < wanted; i++) {
    const rule = rules[(firstRule + i) % rules.length]!;
    for (let attempt = 0; attempt < ATTEMPTS_PER_DEFECT; attempt++) {
      const position = random.pick(positions);
      if (badRecords.has(position.record) || !rule.applies(position.record)) continue;
      rule.apply(position.record, random, position.file.format);
      badRecords.add(position.record);
      defects.push({ path: position.file.path, record: position.index + 2, kind: rule.kind, column: rule.column });
      break;
    }
  }
  defects.sort((a, b) => (a.path === b.path ? a.record - b.record : a.path < b.path ? -1 : 1));
  return { defects, badRecords };
}
