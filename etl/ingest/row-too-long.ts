/**
 * A row longer than 4 MiB is rejected (rule `row_too_long`) instead of being read: no real
 * extract has one, and DuckDB, which turns the staging CSVs into Parquet, reads lines only up to
 * its buffer size. The length is that of the row's fields and delimiters as UTF-8 — the row's
 * bytes in a UTF-8 file, quotes aside.
 *
 * Its reject keeps each field's first 1,024 characters only (the whole row stays in the raw copy
 * of the file): a rejects line of many megabytes would be a burden to every reader of rejects/.
 */
import type { RejectReason } from '../schemas/validate-row.ts';
import { rejectColumnName } from './reject-column-name.ts';

export const MAX_ROW_BYTES = 4 * 1024 * 1024;
/** Rows longer than this get DuckDB's larger CSV buffer when their partition is written (parquet-writer.ts). */
export const LONG_ROW_BYTES = 1024 * 1024;
export const RAW_FIELD_CHARS_KEPT = 1024;

export interface LongRow {
  /** Why the row is rejected; null when it is long but within the limit. */
  readonly reason: RejectReason | null;
  /** The fields as the reject keeps them (cut), when rejected. */
  readonly raw: readonly string[];
}

/** Null for a row of at most 1 MiB; otherwise whether it is over the limit, and what the reject keeps of it. */
export function rowTooLong(record: readonly string[], header: readonly string[]): LongRow | null {
  let chars = 0;
  for (const field of record) chars += field.length + 1;
  // A UTF-16 code unit is at most 3 bytes of UTF-8.
  if (chars * 3 <= LONG_ROW_BYTES) return null;
  let bytes = Math.max(0, record.length - 1);
  let longest = 0;
  let longestBytes = 0;
  record.forEach((field, index) => {
    const fieldBytes = Buffer.byteLength(field, 'utf8');
    bytes += fieldBytes;
    if (fieldBytes > longestBytes) {
      longest = index;
      longestBytes = fieldBytes;
    }
  });
  if (bytes <= LONG_ROW_BYTES) return null;
  if (bytes <= MAX_ROW_BYTES) return { reason: null, raw: record };
  const n = (value: number) => value.toLocaleString('en-US');
  return {
    reason: {
      column: null,
      value: null,
      rule: 'row_too_long',
      message:
        `the row is ${n(bytes)} bytes long (as UTF-8), over the limit of ${n(MAX_ROW_BYTES)} (4 MiB), and was not read; ` +
        `its longest field, ${rejectColumnName(header, longest)}, holds ${n(longestBytes)} bytes (raw keeps the first ${n(RAW_FIELD_CHARS_KEPT)} characters of each field)`,
    },
    raw: record.map((field) => (field.length > RAW_FIELD_CHARS_KEPT ? field.slice(0, RAW_FIELD_CHARS_KEPT) : field)),
  };
}
