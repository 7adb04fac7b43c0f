/** What a benchmark step reports back from its child process. */
export const BENCH_STEPS = ['papaparse', 'ingest', 'duckdb', 'ingest-duckdb', 'duckdb-checks', 'duckdb-bounded'] as const;
export type BenchStepName = (typeof BENCH_STEPS)[number];

export const STEP_LABELS: Readonly<Record<BenchStepName, string>> = {
  papaparse: '(a) papaparse parse',
  ingest: '(b) ingestFile',
  duckdb: '(c) DuckDB COPY csv→parquet',
  'ingest-duckdb': '(d) ingestFile, engine duckdb',
  'duckdb-checks': '(e) the checks alone in DuckDB',
  'duckdb-bounded': '(f) (c) with 1 thread, 128 MiB',
};

/** The steps that read the file DuckDB reads (the UTF-8 twin of a GB18030 file) and type its columns as (c) does. */
export const DUCKDB_READ_STEPS: readonly BenchStepName[] = ['duckdb', 'duckdb-checks', 'duckdb-bounded'];

/** What a step itself returns: the records it handled, and for (b) how many it rejected. */
export interface StepCount {
  /** Data records handled (the header not counted). */
  readonly rows: number;
  /** Rows the ingestion rejected (steps (b) and (d)), or the checks found bad (step (e)). */
  readonly rejected?: number;
  /** Why step (d) read the file the JavaScript way after all; absent when DuckDB read it. */
  readonly fallback?: string;
}

export interface StepResult extends StepCount {
  readonly step: BenchStepName;
  /** Wall-clock seconds of the step itself, measured in the child (module loading excluded). */
  readonly seconds: number;
  /** CPU seconds (user + system, every thread) of the step: steadier than wall time on a shared machine. */
  readonly cpuSeconds: number;
  /** Peak resident set size of the child process, in MB. */
  readonly peakRssMb: number;
}
