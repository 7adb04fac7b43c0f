/** Exit statuses of REPORT-CONTRACT.md, one error class each. */
export const EXIT = { ok: 0, failed: 1, usage: 2, strictRejects: 3 } as const;

/** Bad usage or configuration: exit status 2. */
export class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/** `--strict` and some rows were rejected, or some input files were not ingested: exit status 3. */
export class StrictRejectsError extends Error {
  constructor(
    readonly rowsRejected: number,
    readonly filesNotIngested = 0,
  ) {
    const what = [
      ...(rowsRejected > 0 || filesNotIngested === 0 ? [`${rowsRejected} row(s) were rejected`] : []),
      ...(filesNotIngested > 0 ? [`${filesNotIngested} file(s) or folder(s) of the input were not ingested`] : []),
    ];
    super(`--strict: ${what.join(' and ')}`);
    this.name = 'StrictRejectsError';
  }
}
