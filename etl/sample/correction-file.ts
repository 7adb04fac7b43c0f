/**
 * The correction an operator receives after the fact: a later file that re-sends a few
 * technology contracts of the last year with changed values. Ingested after the original (its
 * name sorts after it), it supersedes those rows by natural key.
 */
import type { SampleRecord } from './csv-rendering.ts';
import { TECH_CONTRACT_CORRECTION_FORMAT } from './extract-formats.ts';
import type { PlannedFile } from './sample-files.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface SupersededKey {
  readonly key: string;
  readonly original_file: string;
  readonly correction_file: string;
  readonly changed_columns: readonly string[];
}

export interface CorrectionResult {
  readonly file: PlannedFile;
  readonly superseded: readonly SupersededKey[];
}

export function techContractCorrection(files: readonly PlannedFile[], badRecords: ReadonlySet<SampleRecord>, random: SeededRandom): CorrectionResult | null {
  const last = files[files.length - 1];
  if (last === undefined) return null;
  const candidates = last.records.filter((record) => !badRecords.has(record));
  const total = files.reduce((sum, file) => sum + file.records.length, 0);
  const count = Math.min(candidates.length, Math.max(3, Math.round(total * 0.005)));
  const path = last.path.replace(/\.csv$/, '_correction.csv');
  const records: SampleRecord[] = [];
  const superseded: SupersededKey[] = [];
  for (const original of random.shuffle(candidates).slice(0, count)) {
    const changed: SampleRecord = { ...original };
    const turnoverYuan = (original['turnover_cny'] as bigint) / 100n;
    changed['turnover_cny'] = ((turnoverYuan * BigInt(random.int(110, 160))) / 100n) * 100n;
    const changedColumns = ['turnover_cny'];
    if (records.length % 3 === 0 && original['ip_kind'] !== 'patent') {
      changed['ip_kind'] = 'patent';
      changedColumns.push('ip_kind');
    }
    records.push(changed);
    superseded.push({ key: String(original['contract_id']), original_file: last.path, correction_file: path, changed_columns: changedColumns });
  }
  return { file: { dataset: last.dataset, path, format: TECH_CONTRACT_CORRECTION_FORMAT, records }, superseded };
}
