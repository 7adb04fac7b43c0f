/** Exit statuses of docs/report-contract.md, one error class each. */
export const EXIT = { ok: 0, failed: 1, usage: 2, strictRejects: 3 } as const;

/** Bad usage or configuration: exit status 2. */
export class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/**
 * `--strict` and some rows were rejected, some files or folders of the input were not ingested,
 * or some files could not be read and blocked their datasets: exit status 3 (`run` has written
 * the reports all the same). The message names what `--strict` stopped on.
 */
export class StrictRejectsError extends Error {
  constructor(
    readonly rowsRejected: number,
    /** Entries of the input listed as `not ingested` (etl/ingest/not-ingested.ts). */
    readonly filesNotIngested = 0,
    /** `<dataset>/<file>` of each file that could not be read and blocked its dataset (etl/pipeline/blocked-datasets.ts). */
    readonly blockingFiles: readonly string[] = [],
  ) {
    const counts = [
      ...(rowsRejected > 0 || (filesNotIngested === 0 && blockingFiles.length === 0) ? [`${rowsRejected} row(s) were rejected`] : []),
      ...(filesNotIngested > 0 ? [`${filesNotIngested} file(s) or folder(s) of the input were not ingested`] : []),
    ];
    const parts = [
      ...(counts.length > 0 ? [counts.join(' and ')] : []),
      ...(blockingFiles.length > 0 ? [`${blockingFiles.length} file(s) could not be read and blocked their dataset: ${blockingFiles.join(', ')}`] : []),
    ];
    super(`--strict: ${parts.join('; ')}`);
    this.name = 'StrictRejectsError';
  }
}
