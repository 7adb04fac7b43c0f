/**
 * Memory, timeout and /tmp of each Lambda, and whether it ships DuckDB. The figures come from
 * measurements on a 2-core machine (../shared/TOOLING-NOTES.md, docs/data-contract.md,
 * `npm run bench`), scaled to what one invocation handles; docs/aws.md explains each choice.
 *
 * - Ingestion writes Parquet with DuckDB (etl/ingest/parquet-writer.ts): 480 MB peak RSS at two
 *   threads for 1M rows (144 MB of CSV), papaparse + validation 200–320 MB beside it. 2,048 MB
 *   gives two vCPUs (Lambda adds the second at 1,769 MB) and headroom; at the measured 160k–300k
 *   rows/s a file just under the large-source threshold (512 MiB ≈ 3.5M rows) takes about a
 *   minute, so 10 minutes is a wide margin, and larger files go through byte ranges.
 * - /tmp holds the downloaded source, the staging CSVs and the Parquet of one file: about three
 *   times the source, so 4 GiB covers the 512 MiB threshold with room.
 * - split-source downloads the whole source (its SHA-256, the sample, record boundaries at the
 *   cuts) and every source it is given is at least the 512 MiB threshold, so its /tmp is the
 *   largest Lambda offers, as merge-ranges' is: any source merge-ranges can merge can be split.
 *   (It was 512 MiB: no large source could ever have been split.)
 * - refresh-views and report only wait on Athena (a few seconds per statement, ~25 views, a dozen
 *   report queries), so they need little memory and minutes of timeout.
 *
 * DuckDB's share of ingest and merge-ranges follows from memorySize (etl/engines/duckdb-resources.ts):
 * memory_limit = memory − 256 MiB − 25 % (1,280 MiB at 2,048 MB; 2,000 MiB at 3,008 MB), one
 * thread per COPY and as many COPYs at once as Lambda's vCPUs (2 at both sizes), spilling under
 * the work folder in /tmp. Measured with AWS_LAMBDA_FUNCTION_MEMORY_SIZE set (docs/aws.md): the
 * merge of a 706 MB source (3.5M rows in 3 partitions, 5 ranges of 128 MiB) peaked at 507 MiB RSS
 * in 24.6 s; a 520 MB source ingested whole at 2,048 MB peaked at 439 MiB. The fixed 64 MB limit
 * these replaced failed both (`Out of Memory Error … (60.3 MiB/61.0 MiB used)`) once a partition
 * held ~100k rows (two COPYs, each buffering a Parquet row group).
 */
import { Duration } from 'aws-cdk-lib';

export const PIPELINE_FUNCTION_NAMES = ['ingest', 'split-source', 'ingest-range', 'merge-ranges', 'refresh-views', 'report'] as const;
export type PipelineFunctionName = (typeof PIPELINE_FUNCTION_NAMES)[number];

export interface FunctionSizing {
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly ephemeralStorageMiB: number;
  readonly nativeDuckDb: boolean;
  /** Worker-thread entries bundled beside the handler (see PipelineFunctionProps). */
  readonly workerEntries?: Readonly<Record<string, string>>;
}

/** etl/ingest/run-part-in-worker.ts starts `./part-worker-entry.mjs` beside the bundle for each byte range of a file (ingest parses large files in worker threads). */
const INGEST_WORKERS = { 'part-worker-entry.mjs': 'etl/ingest/part-worker.ts' } as const;

export const FUNCTION_SIZING: Readonly<Record<PipelineFunctionName, FunctionSizing>> = {
  ingest: {
    description: 'ipstats: ingest one source file (inbox/<dataset>/ object or HTTPS URL) into the lake',
    memorySize: 2048,
    timeout: Duration.minutes(10),
    ephemeralStorageMiB: 4096,
    nativeDuckDb: true,
    workerEntries: INGEST_WORKERS,
  },
  'split-source': {
    description: 'ipstats: plan byte ranges on record boundaries for a large source file',
    memorySize: 512,
    timeout: Duration.minutes(2),
    ephemeralStorageMiB: 10240,
    nativeDuckDb: false,
  },
  'ingest-range': {
    description: 'ipstats: parse and validate one byte range of a large source file into staging CSVs (no DuckDB)',
    memorySize: 2048,
    timeout: Duration.minutes(10),
    ephemeralStorageMiB: 4096,
    nativeDuckDb: false,
  },
  'merge-ranges': {
    description: 'ipstats: merge the partial results of a large source file into the lake',
    memorySize: 3008,
    timeout: Duration.minutes(15),
    ephemeralStorageMiB: 10240,
    nativeDuckDb: true,
  },
  'refresh-views': {
    description: 'ipstats: create or replace the sql/ views on Athena in dependency order',
    memorySize: 512,
    timeout: Duration.minutes(10),
    ephemeralStorageMiB: 512,
    nativeDuckDb: false,
  },
  report: {
    description: 'ipstats: build one city-month report from Athena and deliver it',
    memorySize: 1024,
    timeout: Duration.minutes(5),
    ephemeralStorageMiB: 512,
    nativeDuckDb: false,
  },
};
