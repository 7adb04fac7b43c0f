/**
 * Why a source file cannot be read at all (broken CSV quoting, an encoding it is not in, not a
 * text file, a header that does not fit): the file is rejected whole and the reason goes into its
 * manifest's `error`. Messages never quote a row's values (names are personal data); a problem
 * at a place in the file names its physical line, the line an editor shows.
 *
 * A part of a file read on its own (a worker thread, a Lambda range) counts lines from its first
 * byte; whoever combines the parts moves the line by the lines of the parts before it (`atLine`).
 */
export class SourceRejection extends Error {
  /** The reason without the line. */
  readonly reason: string;
  /** The physical line the reason is about (1 = the file's first line), when it is about one. */
  readonly line: number | undefined;

  constructor(reason: string, options: { readonly line?: number; readonly cause?: unknown } = {}) {
    super(options.line === undefined ? reason : `line ${formatLine(options.line)}: ${reason}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SourceRejection';
    this.reason = reason;
    this.line = options.line;
  }

  /** The same rejection, of the same kind, with its line moved down by `lines` (the lines of the parts before). */
  shifted(lines: number): SourceRejection {
    if (this.line === undefined || lines === 0) return this;
    return sourceRejectionOf({ name: this.name, reason: this.reason, line: this.line + lines });
  }
}

/** Thousands separated, as the command line prints counts: `line 50,001`. */
export function formatLine(line: number): string {
  return line.toLocaleString('en-US');
}

/** Broken CSV syntax: a quoted field never closed, or a stray quote inside one. */
export class CsvSyntaxError extends SourceRejection {
  constructor(reason: string, options: { readonly line?: number; readonly cause?: unknown } = {}) {
    super(reason, options);
    this.name = 'CsvSyntaxError';
  }
}

/** Not a CSV file in an encoding that can be read: a workbook, a binary file, mixed encodings. */
export class SourceFormatError extends SourceRejection {
  constructor(reason: string, options: { readonly line?: number; readonly cause?: unknown } = {}) {
    super(reason, options);
    this.name = 'SourceFormatError';
  }
}

/** The file as a whole cannot be ingested: its header lacks a required column, or it is empty. */
export class FileRejectedError extends SourceRejection {
  constructor(reason: string, options: { readonly line?: number; readonly cause?: unknown } = {}) {
    super(reason, options);
    this.name = 'FileRejectedError';
  }
}

/** A rejection as plain data, to cross a worker thread or a Lambda boundary. */
export interface PlainSourceRejection {
  readonly name: string;
  readonly reason: string;
  readonly line?: number;
}

export function plainSourceRejection(error: SourceRejection): PlainSourceRejection {
  return error.line === undefined ? { name: error.name, reason: error.reason } : { name: error.name, reason: error.reason, line: error.line };
}

/** The rejection a plain one describes, of its kind. */
export function sourceRejectionOf(plain: PlainSourceRejection): SourceRejection {
  const options = plain.line === undefined ? {} : { line: plain.line };
  if (plain.name === 'CsvSyntaxError') return new CsvSyntaxError(plain.reason, options);
  if (plain.name === 'SourceFormatError') return new SourceFormatError(plain.reason, options);
  return new FileRejectedError(plain.reason, options);
}

/** Whether an error is a file's rejection (one from a worker thread or a Lambda is rebuilt as one by sourceRejectionOf). */
export function isSourceRejection(error: unknown): error is SourceRejection {
  return error instanceof SourceRejection;
}
