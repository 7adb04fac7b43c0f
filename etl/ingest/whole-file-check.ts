/**
 * Runs a dataset's whole-file check (DatasetSpec.checkWholeFile) on the rows a file became:
 * the accepted rows are read back from the Parquet parts just written (small reference files
 * only), and the first rejected rows from the rejects JSONL, so the check can name them — by
 * record number, column and rule, never by value: the reason goes into the manifest and the
 * command's output, which never quote a row (the rejects file has the values).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckDbInstanceConfig } from '../engines/duckdb-resources.ts';
import type { DatasetSpec, NormalisedRow, WholeFileCheck } from '../schemas/dataset-spec.ts';

const REJECT_EXAMPLES = 5;

export interface WholeFileCheckOptions {
  readonly dataset: DatasetSpec;
  /** Local paths of this file's curated Parquet parts. */
  readonly parquetFiles: readonly string[];
  readonly rowsRejected: number;
  /** Local path of this file's rejects JSONL (absent when no row was rejected). */
  readonly rejectsPath: string;
  /** The ingestion's work folder: DuckDB spills into it. */
  readonly workDir: string;
}

/** null when the dataset has no whole-file check. */
export async function runWholeFileCheck(options: WholeFileCheckOptions): Promise<WholeFileCheck | null> {
  const { dataset } = options;
  if (dataset.checkWholeFile === undefined) return null;
  if (dataset.partitioning.kind !== 'none') {
    throw new Error(`${dataset.name}: checkWholeFile is for unpartitioned reference datasets, but it is partitioned by ${dataset.partitioning.kind}`);
  }
  const rows = await readParquetRows(options.parquetFiles, path.join(options.workDir, 'duckdb-spill-whole-file'));
  return dataset.checkWholeFile({ rows, rowsRejected: options.rowsRejected, rejectExamples: rejectExamples(options.rejectsPath, options.rowsRejected) });
}

async function readParquetRows(files: readonly string[], spillDir: string): Promise<NormalisedRow[]> {
  if (files.length === 0) return [];
  const instance = await DuckDBInstance.create(':memory:', duckDbInstanceConfig({ spillDir, threads: 1 }));
  const connection = await instance.connect();
  try {
    const list = files.map((file) => `'${file.replace(/'/g, "''")}'`).join(', ');
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet([${list}]) ORDER BY _source_row`);
    return reader.getRowObjectsJS().map((row) =>
      Object.fromEntries(Object.entries(row).map(([name, value]) => [name, value === undefined ? null : (value as NormalisedRow[string])])),
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

interface RejectLine {
  readonly row: number;
  readonly reasons: readonly { readonly column: string | null; readonly message?: string; readonly rule: string }[];
}

function rejectExamples(rejectsPath: string, rowsRejected: number): string[] {
  if (rowsRejected === 0 || !existsSync(rejectsPath)) return [];
  const lines = readFileSync(rejectsPath, 'utf8').split('\n').filter((line) => line !== '').slice(0, REJECT_EXAMPLES);
  const examples = lines.map((line) => {
    const reject = JSON.parse(line) as RejectLine;
    return `row ${reject.row}: ${reject.reasons.map((reason) => `${reason.column ?? '(row)'} ${reason.rule}`).join(', ')}`;
  });
  return rowsRejected > examples.length ? [...examples, `… ${rowsRejected - examples.length} more`] : examples;
}
