/** Step (b): the whole ingestion of the file into a fresh local lake; the file must not be rejected as a whole. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestFile } from '../../ingest/ingest-file.ts';
import { LocalObjectStore } from '../../lake/local-object-store.ts';
import { getDataset } from '../../schemas/index.ts';
import type { StepCount } from '../step-result.ts';

export async function runIngestStep(file: string): Promise<StepCount> {
  const lake = await mkdtemp(path.join(tmpdir(), 'ipstats-bench-lake-'));
  try {
    const { manifest } = await ingestFile({ store: new LocalObjectStore(lake), dataset: getDataset('patent_events'), filePath: file });
    if (manifest.status !== 'ingested') throw new Error(`bench: ingestion of ${file} was rejected: ${manifest.error}`);
    return { rows: manifest.rows.read, rejected: manifest.rows.rejected };
  } finally {
    await rm(lake, { recursive: true, force: true });
  }
}
