/**
 * Steps (b) and (d): the whole ingestion of the file into a fresh local lake, the JavaScript way
 * (the default) or the DuckDB way (engine: 'duckdb', issue 14); the file must not be rejected as a whole.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestFile, type IngestEngine } from '../../ingest/ingest-file.ts';
import { LocalObjectStore } from '../../lake/local-object-store.ts';
import { getDataset } from '../../schemas/index.ts';
import type { StepCount } from '../step-result.ts';

async function ingestWith(file: string, engine: IngestEngine): Promise<StepCount> {
  const lake = await mkdtemp(path.join(tmpdir(), 'ipstats-bench-lake-'));
  try {
    const { manifest, readByJavaScript } = await ingestFile({ store: new LocalObjectStore(lake), dataset: getDataset('patent_events'), filePath: file, engine });
    if (manifest.status !== 'ingested') throw new Error(`bench: ingestion of ${file} was rejected: ${manifest.error}`);
    return { rows: manifest.rows.read, rejected: manifest.rows.rejected, ...(engine === 'duckdb' && readByJavaScript != null ? { fallback: readByJavaScript } : {}) };
  } finally {
    await rm(lake, { recursive: true, force: true });
  }
}

export function runIngestStep(file: string): Promise<StepCount> {
  return ingestWith(file, 'javascript');
}

export function runIngestInDuckDbStep(file: string): Promise<StepCount> {
  return ingestWith(file, 'duckdb');
}
