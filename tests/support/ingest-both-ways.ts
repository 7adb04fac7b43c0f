/**
 * Ingests one source file the JavaScript way and the DuckDB way (etl/ingest/duckdb/), each into
 * its own fresh lake with the same clock, and lists every difference a user could see: the
 * manifest (byte for byte as JSON), the rejects file (byte for byte), and each curated Parquet file
 * (same columns and types, same rows in the same order).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlStringLiteral } from '../../etl/engines/sql-literals.ts';
import { ingestFile, type IngestEngine } from '../../etl/ingest/ingest-file.ts';
import type { Manifest } from '../../etl/ingest/manifest.ts';
import { LocalObjectStore } from '../../etl/lake/local-object-store.ts';
import type { DatasetSpec } from '../../etl/schemas/dataset-spec.ts';

const CLOCK = () => new Date('2026-01-05T02:00:00Z');

export interface BothWays {
  readonly javascript: Manifest;
  readonly duckdb: Manifest;
  /** Why the DuckDB way handed the file to the JavaScript way; null when DuckDB read it. */
  readonly fallback: string | null;
  /** Every difference, as readable lines; empty when the two ways agree. */
  readonly differences: string[];
}

async function ingestInto(dir: string, engine: IngestEngine, dataset: DatasetSpec, filePath: string) {
  const lake = await mkdtemp(path.join(dir, `${engine}-`));
  const result = await ingestFile({ store: new LocalObjectStore(lake), dataset, filePath, engine, now: CLOCK });
  return { lake, ...result };
}

async function parquetRows(connection: DuckDBConnection, file: string): Promise<{ columns: string; rows: string[] }> {
  const columns = await connection.runAndReadAll(`SELECT string_agg(column_name || ' ' || column_type, ', ') AS c FROM (DESCRIBE SELECT * FROM read_parquet(${sqlStringLiteral(file)}))`);
  const rows = await connection.runAndReadAll(`SELECT * FROM read_parquet(${sqlStringLiteral(file)})`);
  return { columns: String(columns.getRowObjectsJson()[0]!['c']), rows: rows.getRowsJson().map((row) => JSON.stringify(row)) };
}

export async function ingestBothWays(connection: DuckDBConnection, dir: string, dataset: DatasetSpec, filePath: string): Promise<BothWays> {
  const js = await ingestInto(dir, 'javascript', dataset, filePath);
  const sql = await ingestInto(dir, 'duckdb', dataset, filePath);
  const differences: string[] = [];
  const [a, b] = [JSON.stringify(js.manifest, null, 1), JSON.stringify(sql.manifest, null, 1)];
  if (a !== b) {
    const linesA = a.split('\n');
    const linesB = b.split('\n');
    const at = linesA.findIndex((line, index) => line !== linesB[index]);
    differences.push(`manifest differs at line ${at + 1}: ${linesA[at]} ≠ ${linesB[at]}`);
  }
  const rejectsA = js.manifest.outputs.rejects === null ? '' : await readFile(path.join(js.lake, js.manifest.outputs.rejects), 'utf8');
  const rejectsB = sql.manifest.outputs.rejects === null ? '' : await readFile(path.join(sql.lake, sql.manifest.outputs.rejects), 'utf8');
  if (rejectsA !== rejectsB) {
    const linesA = rejectsA.split('\n');
    const linesB = rejectsB.split('\n');
    const at = linesA.findIndex((line, index) => line !== linesB[index]);
    differences.push(`rejects differ at line ${at + 1}:\n  javascript ${linesA[at]?.slice(0, 600)}\n  duckdb     ${linesB[at]?.slice(0, 600)}`);
  }
  for (const key of js.manifest.outputs.curated) {
    if (!sql.manifest.outputs.curated.includes(key)) continue; // the manifest difference says so
    const [rowsA, rowsB] = [await parquetRows(connection, path.join(js.lake, key)), await parquetRows(connection, path.join(sql.lake, key))];
    if (rowsA.columns !== rowsB.columns) differences.push(`${key}: columns ${rowsA.columns} ≠ ${rowsB.columns}`);
    const at = rowsA.rows.findIndex((row, index) => row !== rowsB.rows[index]);
    if (at !== -1 || rowsA.rows.length !== rowsB.rows.length) differences.push(`${key}: row ${at + 1} ${rowsA.rows[at] ?? '(none)'} ≠ ${rowsB.rows[at] ?? '(none)'} (${rowsA.rows.length} and ${rowsB.rows.length} rows)`);
  }
  return { javascript: js.manifest, duckdb: sql.manifest, fallback: sql.readByJavaScript ?? null, differences };
}
