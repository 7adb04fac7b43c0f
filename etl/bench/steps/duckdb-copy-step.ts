/**
 * Step (c): DuckDB's own CSV → Parquet conversion of the same file, the yardstick: native,
 * multi-threaded, no validation. Explicit column types (DuckDB would guess city codes as BIGINT),
 * or every column as VARCHAR for a file whose bad values would stop a typed read (bench-files.ts).
 *
 * Step (f): the same conversion held as tight as DuckDB allows — one thread and a 128 MiB
 * memory_limit (at 64 MiB it fails with "Out of Memory"): its peak RSS is what DuckDB itself needs
 * to write this file as Parquet inside a Node process, a floor under the ingestion's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlStringLiteral } from '../../engines/sql-literals.ts';
import { SAMPLE_SOURCE_COLUMNS, type SourceValueKind } from '../../sample/source-columns.ts';
import type { DuckdbColumns } from '../bench-files.ts';
import type { StepCount } from '../step-result.ts';

const DUCKDB_TYPE: Readonly<Record<SourceValueKind, string>> = {
  text: 'VARCHAR',
  enum: 'VARCHAR',
  date: 'DATE',
  period: 'VARCHAR',
  money: 'DECIMAL(18,2)',
  integer: 'INTEGER',
  decimal: 'DECIMAL(18,4)',
  boolean: 'BOOLEAN',
};

/** Step (f)'s settings. */
export const BOUNDED_COPY_SETTINGS: Readonly<Record<string, string>> = { threads: '1', memory_limit: '128MiB' };

export async function runDuckdbCopyStep(file: string, types: DuckdbColumns, settings: Readonly<Record<string, string>> = { threads: '2' }): Promise<StepCount> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'ipstats-bench-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:', { ...settings, temp_directory: path.join(outDir, 'spill') });
  const connection = await instance.connect();
  try {
    const columns = SAMPLE_SOURCE_COLUMNS.patent_events.map((column) => `${sqlStringLiteral(column.name)}: ${sqlStringLiteral(types === 'varchar' ? 'VARCHAR' : DUCKDB_TYPE[column.kind])}`).join(', ');
    const source = `read_csv(${sqlStringLiteral(file)}, header = true, auto_detect = false, delim = ',', quote = '"', columns = {${columns}})`;
    const target = path.join(outDir, 'patent_events.parquet');
    await connection.run(`COPY (SELECT * FROM ${source}) TO ${sqlStringLiteral(target)} (FORMAT parquet)`);
    const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${sqlStringLiteral(target)})`);
    return { rows: Number(counted.getRowObjects()[0]!['n']) };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(outDir, { recursive: true, force: true });
  }
}
