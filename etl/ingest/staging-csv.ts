/**
 * Accepted rows are first written to a local staging CSV in a fixed, unambiguous format, then
 * DuckDB turns that file into Parquet (parquet-writer.ts). Formatting a line is a few string
 * concatenations per row; DuckDB's CSV reader and Parquet writer then run on native threads,
 * which is several times faster than building Arrow buffers in JavaScript.
 *
 * Format: comma-separated, LF, no header; strings always double-quoted (quotes doubled), so an
 * empty unquoted field can only mean NULL; decimals as plain digits with a point.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { CuratedColumn, NormalisedRow, SqlType } from '../schemas/dataset-spec.ts';

export function formatScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

function quote(text: string): string {
  return text.indexOf('"') === -1 ? `"${text}"` : `"${text.replaceAll('"', '""')}"`;
}

type Formatter = (value: NormalisedRow[string]) => string;

const FORMATTERS: Record<SqlType, Formatter> = {
  VARCHAR: (value) => quote(String(value)),
  BOOLEAN: (value) => (value ? 'true' : 'false'),
  INTEGER: (value) => String(value),
  BIGINT: (value) => String(value),
  DATE: (value) => String(value),
  'DECIMAL(18,2)': (value) => formatScaled(value as bigint, 2),
  'DECIMAL(18,4)': (value) => formatScaled(value as bigint, 4),
};

/** Writes rows to a staging CSV through a buffer, synchronously (the ingestion loop is synchronous). */
export class StagingCsvWriter {
  private readonly fd: number;
  private readonly formatters: Formatter[];
  private readonly names: string[];
  private buffer: string[] = [];
  private bufferedChars = 0;
  rowsWritten = 0;

  constructor(
    readonly path: string,
    readonly columns: readonly CuratedColumn[],
  ) {
    this.fd = openSync(path, 'w');
    this.names = columns.map((column) => column.name);
    this.formatters = columns.map((column) => FORMATTERS[column.sqlType]);
  }

  write(row: NormalisedRow): void {
    let line = '';
    for (let index = 0; index < this.names.length; index++) {
      const value = row[this.names[index]!];
      if (index > 0) line += ',';
      if (value !== null && value !== undefined) line += this.formatters[index]!(value);
    }
    this.buffer.push(line);
    this.bufferedChars += line.length;
    this.rowsWritten++;
    if (this.bufferedChars > 4_000_000) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.bufferedChars = 0;
  }

  private closed = false;

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    closeSync(this.fd);
  }
}
