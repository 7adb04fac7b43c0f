/**
 * Ingests one source object (an S3 object, or a file already downloaded) exactly as the CLI
 * ingests a local file: the object is copied to a local file of the same name — the name is
 * what the manifest records — and handed to ingestFile. Lambda's /tmp holds it while it runs.
 * The object's `ipstats-covers` metadata, if any, is its coverage declaration (covers-metadata.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeclaredCoverage } from '../coverage/declared-coverage.ts';
import { ingestFile } from '../ingest/ingest-file.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import { declaredCoverageOfObject } from './covers-metadata.ts';
import { summaryOf, type IngestSummary } from './ingest-summary.ts';
import { fileNameOfKey, plainFileName } from './plain-file-name.ts';

export interface IngestObjectOptions {
  /** The store holding the source object (the inbox bucket). */
  readonly source: ObjectStore;
  readonly key: string;
  readonly dataset: DatasetSpec;
  /** The name the file is ingested under. @default the key's last segment */
  readonly fileName?: string;
  readonly lake: ObjectStore;
  readonly now?: () => Date;
}

export async function ingestObject(options: IngestObjectOptions): Promise<IngestSummary> {
  const fileName = options.fileName === undefined ? fileNameOfKey(options.key) : plainFileName(options.fileName);
  // Read first: a malformed declaration fails the object before anything is downloaded.
  const declaredCoverage = await declaredCoverageOfObject(options.source, options.key, options.dataset);
  const workDir = await mkdtemp(path.join(tmpdir(), 'ipstats-source-'));
  try {
    const filePath = path.join(workDir, fileName);
    await options.source.getFile(options.key, filePath);
    return await ingestLocalSource({ ...options, filePath, key: options.key, declaredCoverage });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export interface IngestLocalSourceOptions {
  readonly filePath: string;
  /** The source object's key (or URL), for the summary. */
  readonly key: string;
  readonly dataset: DatasetSpec;
  readonly lake: ObjectStore;
  readonly now?: () => Date;
  /** @default none: nothing declared (an earlier declaration stays) */
  readonly declaredCoverage?: DeclaredCoverage;
}

export async function ingestLocalSource(options: IngestLocalSourceOptions): Promise<IngestSummary> {
  const result = await ingestFile({ store: options.lake, dataset: options.dataset, filePath: options.filePath, now: options.now, declaredCoverage: options.declaredCoverage });
  return summaryOf(options.key, result.manifest, result.manifestKey, result.skipped, result);
}
