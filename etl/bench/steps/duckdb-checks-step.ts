/**
 * Step (e): the DuckDB way's checking query alone — every field twin and cross-field rule of
 * patent_events as checked-rows-sql.ts generates them, in the session ingest-in-duckdb.ts opens —
 * with its rows counted and nothing stored, sorted or written. What checking in SQL costs before a
 * byte of output: a floor under step (d). It reads the UTF-8 file step (c) reads, and leaves out the
 * count of line breaks inside quoted fields, so it is a floor for any file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkedRowsSelectSql } from '../../ingest/duckdb/checked-rows-sql.ts';
import { columnBindingsOf, openCheckingSession } from '../../ingest/duckdb/ingest-in-duckdb.ts';
import { sourceCsvSql } from '../../ingest/duckdb/source-csv-sql.ts';
import { readSourceSample } from '../../ingest/process-source.ts';
import { getDataset } from '../../schemas/index.ts';
import { resolveHeaders } from '../../schemas/resolve-headers.ts';
import type { StepCount } from '../step-result.ts';

export async function runDuckdbChecksStep(file: string): Promise<StepCount> {
  const dataset = getDataset('patent_events');
  const sample = await readSourceSample(file, 'utf-8');
  if (sample.header === undefined) throw new Error(`bench: no header line in ${file}`);
  const header = sample.header;
  const columns = columnBindingsOf(resolveHeaders(dataset, header));
  const folder = await mkdtemp(path.join(tmpdir(), 'ipstats-bench-checks-'));
  const { instance, connection } = await openCheckingSession(path.join(folder, 'spill'));
  try {
    const select = checkedRowsSelectSql({ dataset, fieldCount: header.length, columns, source: sourceCsvSql(file, sample.dialect, header.length), breakChar: '\n', quoted: false });
    const counted = await connection.runAndReadAll(`SELECT count(*) AS n, count(*) FILTER (_reasons IS NOT NULL) AS rejected FROM (${select})`);
    const row = counted.getRowObjects()[0]!;
    return { rows: Number(row['n']), rejected: Number(row['rejected']) };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(folder, { recursive: true, force: true });
  }
}
