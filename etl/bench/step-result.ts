/** What a benchmark step reports back from its child process. */
export const BENCH_STEPS = ['papaparse', 'ingest', 'duckdb', 'ingest-duckdb'] as const;
export type BenchStepName = (typeof BENCH_STEPS)[number];

export const STEP_LABELS: Readonly<Record<BenchStepName, string>> = {
  papaparse: '(a) papaparse parse',
  ingest: '(b) ingestFile',
  duckdb: '(c) DuckDB COPY csv→parquet',
  'ingest-duckdb': '(d) ingestFile, engine duckdb',
};

/** What a step itself returns: the records it handled, and for (b) how many it rejected. */
export interface StepCount {
  /** Data records handled (the header not counted). */
  readonly rows: number;
  /** Rows the ingestion rejected (steps (b) and (d)). */
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
