/**
 * Ingests one source file of one dataset into the lake:
 * raw copy → decode → parse → validate → normalise → staging CSV → Parquet per partition,
 * rejects as JSONL (counted by city and month for the manifest), and last the manifest. Every
 * record read is either accepted or rejected.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { assertCoverageDeclarable } from '../coverage/declarable-dataset.ts';
import type { DeclaredCoverage } from '../coverage/declared-coverage.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import type { DatasetSpec, WholeFileCheck } from '../schemas/dataset-spec.ts';
import type { SourceEncoding } from '../sources/detect-encoding.ts';
import { isSourceRejection } from '../sources/source-rejection.ts';
import { nextIngestSeq } from './next-ingest-seq.ts';
import { ManifestSchema, MANIFEST_SCHEMA_VERSION, readManifestIfAny, writeManifest, type Manifest } from './manifest.ts';
import { redeclareCoverage, withDeclaredCoverage } from './manifest-coverage.ts';
import { writeParquetParts, type ParquetPart } from './parquet-writer.ts';
import { processSource, type ProcessedSource, type ProcessSourceOptions } from './process-source.ts';
import { stagingColumnsOf } from './staging-columns.ts';
import { countRejectsByCity } from './rejects-by-city.ts';
import { countSupersession, type SupersessionCounts } from './supersession.ts';
import { makeWorkFolder, removeWorkFolder } from '../work-folders/work-folders.ts';
import { runWholeFileCheck } from './whole-file-check.ts';
import { ingestInDuckDb, type IngestedInDuckDb } from './duckdb/ingest-in-duckdb.ts';
import { ingestEngineFromEnvironment, type IngestEngine } from './ingest-engine.ts';

export type { IngestEngine } from './ingest-engine.ts';

export interface IngestFileOptions {
  readonly store: ObjectStore;
  readonly dataset: DatasetSpec;
  /** Local path of the source file. */
  readonly filePath: string;
  /** Overrides the encoding detection. */
  readonly encoding?: SourceEncoding;
  /** Injectable clock, for ingest_date and ingested_at. @default () => new Date() */
  readonly now?: () => Date;
  /** Threads that parse and validate a large file at once (process-source.ts). @default the number of cores, at most 4 */
  readonly parallelism?: number;
  /** Called now and then with the number of records read so far. */
  readonly onProgress?: (recordsRead: number) => void;
  /**
   * Replaces the parse-and-validate step, for parts parsed elsewhere (the Lambda fan-out:
   * etl/aws/merge-ranges.ts); it must give what processSource gives for this file. @default processSource
   */
  readonly processSource?: (options: ProcessSourceOptions) => Promise<ProcessedSource>;
  /**
   * The months the file covers, as an operator declared them (monthly datasets only). A new
   * file's manifest records it as `coverage`; for bytes ingested before, a declaration that
   * differs from the recorded one rewrites the manifest's `coverage` and nothing else.
   * @default none: nothing is declared, and an earlier declaration stays
   */
  readonly declaredCoverage?: DeclaredCoverage;
  /**
   * Where records are read and checked: `javascript` (process-source.ts: papaparse and the
   * compiled validator on every core), or `duckdb`, one SQL statement generated from the same
   * dataset definitions (duckdb/ingest-in-duckdb.ts), which falls back to the JavaScript way for a
   * file it cannot read the same. Both give the same Parquet, rejects and manifest (tested); the
   * DuckDB way is not yet the faster (docs/performance.md, issue 14), so it is not the default.
   * @default the environment's IPSTATS_INGEST_ENGINE (ingest-engine.ts), else 'javascript'
   */
  readonly engine?: IngestEngine;
}

export interface IngestFileResult {
  /** True when this exact file had been ingested before: no data was written (its manifest may have a new coverage declaration). */
  readonly skipped: boolean;
  readonly manifest: Manifest;
  readonly manifestKey: string;
  /** True when the file had been ingested before and its manifest was rewritten with the new coverage declaration. */
  readonly coverageUpdated: boolean;
  /**
   * The warning written to the manifest now about accepted rows outside the declared coverage
   * (also in `manifest.warnings`), for the caller to print; null when none was written.
   */
  readonly coverageWarning: string | null;
  /** Why the file was read the JavaScript way instead of in DuckDB (duckdb/ingest-in-duckdb.ts); null when DuckDB read it or it was skipped. */
  readonly readByJavaScript?: string | null;
}

export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}


export async function ingestFile(options: IngestFileOptions): Promise<IngestFileResult> {
  const { store, dataset, filePath, declaredCoverage } = options;
  // Read first, so a wrong IPSTATS_INGEST_ENGINE is refused even when every file was ingested before.
  const engine = options.engine ?? ingestEngineFromEnvironment();
  if (declaredCoverage !== undefined) assertCoverageDeclarable(dataset);
  const now = (options.now ?? (() => new Date()))();
  const sha256 = await sha256File(filePath);
  const manifestKey = lakeKeys.manifest(dataset.name, sha256);
  const previous = await readManifestIfAny(store, manifestKey);
  if (previous?.status === 'ingested') {
    if (declaredCoverage === undefined) return { skipped: true, manifest: previous, manifestKey, coverageUpdated: false, coverageWarning: null };
    return { skipped: true, manifestKey, ...(await redeclareCoverage(store, manifestKey, previous, declaredCoverage)) };
  }

  const ingestDate = now.toISOString().slice(0, 10);
  const ingestSeq = await nextIngestSeq(store, dataset.name, sha256);
  const rawKey = lakeKeys.raw(dataset.name, ingestDate, sha256, path.extname(filePath).toLowerCase() || '.csv');
  if (!(await store.exists(rawKey))) await store.putFile(rawKey, filePath, { contentType: 'text/csv' });

  const workDir = await makeWorkFolder(`ingest-${dataset.name}`);
  try {
    const base = {
      schema_version: MANIFEST_SCHEMA_VERSION,
      dataset: dataset.name,
      ingest_seq: ingestSeq,
      ingested_at: now.toISOString(),
      source: { name: path.basename(filePath), sha256, bytes: (await stat(filePath)).size, encoding: null as SourceEncoding | null, delimiter: null as string | null },
    };
    let processor: ProcessedSource | IngestedInDuckDb;
    let parts: ParquetPart[] = [];
    const inDuckDb =
      options.processSource === undefined && engine === 'duckdb'
        ? await ingestInDuckDb({ dataset, filePath, encoding: options.encoding, sha256, ingestSeq, workDir })
        : { fallback: 'the JavaScript way was asked for' };
    const readByJavaScript = 'fallback' in inDuckDb ? inDuckDb.fallback : null;
    if ('done' in inDuckDb) {
      processor = inDuckDb.done;
      parts = inDuckDb.done.parquetParts;
      options.onProgress?.(processor.read);
    } else {
      try {
        // Parses and validates on every core (process-source.ts); the same result as one pass.
        processor = await (options.processSource ?? processSource)({ dataset, filePath, encoding: options.encoding, sha256, ingestSeq, workDir, parallelism: options.parallelism, onProgress: options.onProgress });
      } catch (error) {
        // A file that cannot be read at all (etl/sources/source-rejection.ts); anything else is a failure of this run.
        if (!isSourceRejection(error)) throw error;
        const manifest = fileRejectedManifest(base, dataset, rawKey, error.message, null);
        await writeManifest(store, manifestKey, manifest);
        return { skipped: false, manifest, manifestKey, coverageUpdated: false, coverageWarning: null, readByJavaScript };
      }
    }
    base.source.encoding = processor.encoding;
    base.source.delimiter = processor.delimiter;

    if ('partitions' in processor && processor.accepted > 0) {
      parts = await writeParquetParts({
        columns: stagingColumnsOf(dataset),
        lineage: { sha256, ingestSeq },
        partitioning: dataset.partitioning,
        partitions: processor.partitions,
        workDir,
        sourceName: base.source.name,
      });
    }
    // Reference tables whose rows only make sense together are checked whole before anything is published.
    const wholeFile = await runWholeFileCheck({ dataset, parquetFiles: parts.map((part) => part.file), rowsRejected: processor.rejected, rejectsPath: processor.rejectsPath ?? path.join(workDir, 'rejects.jsonl'), workDir });
    if (wholeFile?.rejection) {
      const manifest = fileRejectedManifest(base, dataset, rawKey, wholeFile.rejection, wholeFile);
      await writeManifest(store, manifestKey, manifest);
      return { skipped: false, manifest, manifestKey, coverageUpdated: false, coverageWarning: null, readByJavaScript };
    }

    const curatedKeys: string[] = [];
    let supersession: SupersessionCounts = { distinct: 0, supersededInFile: 0, supersedes: {}, supersededMonths: dataset.partitioning.kind === 'none' ? null : {} };
    if (parts.length > 0) {
      supersession = await countSupersession({ store, dataset, sha256, curated: parts, workDir });
      for (const part of parts) {
        const key = lakeKeys.curated(dataset.name, { year: part.year, month: part.month }, sha256);
        await store.putFile(key, part.file, { contentType: 'application/vnd.apache.parquet' });
        curatedKeys.push(key);
      }
    }
    // From the rejects file, so a file processed elsewhere (processSource override) gets it too.
    const rejectedByCity = processor.rejected > 0 ? await countRejectsByCity({ dataset, rejectsPath: processor.rejectsPath!, headers: processor.headers }) : [];
    let rejectsKey: string | null = null;
    if (processor.rejected > 0) {
      rejectsKey = lakeKeys.rejects(dataset.name, ingestDate, sha256);
      await store.putFile(rejectsKey, processor.rejectsPath!, { contentType: 'application/x-ndjson' });
    }
    const ingested = ManifestSchema.parse({
      ...base,
      status: 'ingested',
      error: null,
      headers: processor.headers,
      unknown_columns: processor.unknownColumns,
      rows: { read: processor.read, accepted: processor.accepted, rejected: processor.rejected },
      reject_rules: processor.rejectRules,
      rejected_by_city: rejectedByCity,
      periods: processor.periods,
      keys: {
        columns: [...dataset.key],
        distinct: supersession.distinct,
        superseded_in_file: supersession.supersededInFile,
        supersedes: supersession.supersedes,
        ...(supersession.supersededMonths === null ? {} : { superseded_months: supersession.supersededMonths }),
      },
      outputs: { raw: rawKey, curated: curatedKeys.sort(), rejects: rejectsKey },
      ...wholeFileFields(wholeFile),
    });
    // A file rejected whole publishes nothing, so only an ingested file records a declaration.
    const { manifest, coverageWarning } = declaredCoverage === undefined ? { manifest: ingested, coverageWarning: null } : withDeclaredCoverage(ingested, declaredCoverage);
    await writeManifest(store, manifestKey, manifest);
    return { skipped: false, manifest, manifestKey, coverageUpdated: false, coverageWarning, readByJavaScript };
  } finally {
    await removeWorkFolder(workDir);
  }
}

/** The manifest's optional fields from a whole-file check: present only for datasets that have one. */
function wholeFileFields(check: WholeFileCheck | null): { warnings?: string[]; summary?: Record<string, unknown> } {
  return check === null ? {} : { warnings: [...check.warnings], summary: { ...check.summary } };
}

/** A file rejected whole: nothing curated, no row counted, the reason in `error`. */
function fileRejectedManifest(
  base: Pick<Manifest, 'dataset' | 'ingest_seq' | 'ingested_at' | 'source'> & { readonly schema_version: number },
  dataset: DatasetSpec,
  rawKey: string,
  error: string,
  check: WholeFileCheck | null,
): Manifest {
  return ManifestSchema.parse({
    ...base,
    status: 'file_rejected',
    error,
    headers: {},
    unknown_columns: [],
    rows: { read: 0, accepted: 0, rejected: 0 },
    reject_rules: {},
    periods: { first: null, last: null },
    keys: { columns: [...dataset.key], distinct: 0, superseded_in_file: 0, supersedes: {} },
    outputs: { raw: rawKey, curated: [], rejects: null },
    ...wholeFileFields(check),
  });
}
