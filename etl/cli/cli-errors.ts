/** Exit statuses of REPORT-CONTRACT.md, one error class each. */
export const EXIT = { ok: 0, failed: 1, usage: 2, strictRejects: 3 } as const;

/** Bad usage or configuration: exit status 2. */
export class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/** `--strict` and some rows were rejected: exit status 3. */
export class StrictRejectsError extends Error {
  constructor(readonly rowsRejected: number) {
    super(`--strict: ${rowsRejected} row(s) were rejected`);
    this.name = 'StrictRejectsError';
  }
}
