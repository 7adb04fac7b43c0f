/** Exit statuses of REPORT-CONTRACT.md, one error class each. */
export const EXIT = { ok: 0, failed: 1, usage: 2, strictRejects: 3 } as const;

/** Bad usage or configuration: exit status 2. */
export class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/** `--strict` and some rows were rejected, or some files could not be read and blocked their datasets: exit status 3. */
export class StrictRejectsError extends Error {
  constructor(
    readonly rowsRejected: number,
    /** `<dataset>/<file>` of each file that blocked its dataset. */
    readonly blockingFiles: readonly string[] = [],
  ) {
    const parts = [
      ...(rowsRejected > 0 || blockingFiles.length === 0 ? [`${rowsRejected} row(s) were rejected`] : []),
      ...(blockingFiles.length > 0 ? [`${blockingFiles.length} file(s) could not be read and blocked their dataset: ${blockingFiles.join(', ')}`] : []),
    ];
    super(`--strict: ${parts.join('; ')}`);
    this.name = 'StrictRejectsError';
  }
}
