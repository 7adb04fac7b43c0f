/**
 * Reads one generated source file the way ingestion does — detect the encoding, decode, parse
 * with papaparse, resolve the header, validate every record with the dataset spec — and
 * returns which records were rejected and why. No Parquet, no lake: just the rules.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { DatasetName } from '../../../etl/schemas/dataset-spec.ts';
import { DATASETS } from '../../../etl/schemas/index.ts';
import { resolveHeaders } from '../../../etl/schemas/resolve-headers.ts';
import { validateRow } from '../../../etl/schemas/validate-row.ts';
import { detectEncoding, hasUtf8Bom } from '../../../etl/sources/detect-encoding.ts';

export interface FileValidation {
  readonly rows: number;
  readonly header: readonly string[];
  readonly rejected: readonly { readonly record: number; readonly rules: readonly string[] }[];
  readonly accepted: readonly Record<string, unknown>[];
}

export function decodeSourceBytes(bytes: Buffer): string {
  if (hasUtf8Bom(bytes)) return bytes.subarray(3).toString('utf8');
  return detectEncoding(bytes, true) === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, 'gb18030');
}

export async function validateSampleFile(sampleDir: string, dataset: DatasetName, relativePath: string): Promise<FileValidation> {
  const text = decodeSourceBytes(await readFile(path.join(sampleDir, relativePath)));
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header = [], ...records] = parsed.data;
  const spec = DATASETS[dataset];
  const { columns } = resolveHeaders(spec, header);
  const rejected: { record: number; rules: string[] }[] = [];
  const accepted: Record<string, unknown>[] = [];
  records.forEach((record, index) => {
    const raw: Record<string, string> = {};
    for (const { index: position, column, unitScale } of columns) {
      const value = (record[position] ?? '').trim();
      raw[column] = unitScale === 10000 && value !== '' ? `${value}万元` : value;
    }
    const result = validateRow(spec, raw);
    if (result.ok) accepted.push(result.row);
    else rejected.push({ record: index + 2, rules: result.reasons.map((reason) => reason.rule) });
  });
  return { rows: records.length, header, rejected, accepted };
}
