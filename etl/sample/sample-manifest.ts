/**
 * SAMPLE-MANIFEST.json: what the generator wrote, so that tests can check ingestion against it —
 * rows per file, every deliberately bad row (file, record number, defect, column), the keys the
 * correction file supersedes, and valid rows that the statistics must still leave out.
 */
import type { DatasetName } from '../schemas/dataset-spec.ts';
import type { DefectKind } from './bad-rows.ts';
import type { SupersededKey } from './correction-file.ts';
import type { SampleEncoding } from './csv-rendering.ts';
import type { InjectedDefect } from './inject-defects.ts';

export interface ManifestFile {
  readonly path: string;
  readonly encoding: SampleEncoding;
  readonly line_ending: 'lf' | 'crlf';
  readonly header_language: 'en' | 'zh-Hans' | 'zh-Hant';
  readonly rows: number;
  readonly bad_rows: readonly { readonly record: number; readonly kind: DefectKind; readonly column: string }[];
}

export interface ManifestDataset {
  readonly rows: number;
  readonly bad_rows: number;
  readonly valid_rows: number;
  readonly bad_rows_by_kind: Partial<Record<DefectKind, number>>;
  readonly files: readonly ManifestFile[];
  readonly superseded_keys: readonly SupersededKey[];
}

export interface SampleManifest {
  readonly generator: 'ipstats sample';
  readonly options: { readonly cities: number; readonly months: number; readonly rows_scale: number; readonly seed: number; readonly end_period: string };
  readonly first_period: string;
  readonly last_period: string;
  readonly configured_cities: readonly { readonly code: string; readonly name: string }[];
  readonly classification: { readonly version: string; readonly demonstration: boolean; readonly file: string };
  readonly datasets: Readonly<Record<DatasetName, ManifestDataset>>;
  readonly quirks: {
    readonly gi_output: { readonly unknown_gi_id_rows: number; readonly without_special_mark_rows: number };
  };
}

export function manifestDataset(files: readonly Omit<ManifestFile, 'bad_rows'>[], defects: readonly InjectedDefect[], superseded: readonly SupersededKey[]): ManifestDataset {
  const byKind: Partial<Record<DefectKind, number>> = {};
  for (const defect of defects) byKind[defect.kind] = (byKind[defect.kind] ?? 0) + 1;
  const rows = files.reduce((sum, file) => sum + file.rows, 0);
  return {
    rows,
    bad_rows: defects.length,
    valid_rows: rows - defects.length,
    bad_rows_by_kind: byKind,
    files: files.map((file) => ({
      ...file,
      bad_rows: defects.filter((defect) => defect.path === file.path).map(({ record, kind, column }) => ({ record, kind, column })),
    })),
    superseded_keys: superseded,
  };
}
