/**
 * One line of a rejects JSONL file — `{"row":N,"line":L,"raw":{…},"reasons":[…]}` — and the count
 * by rule the manifest keeps, for both ways of ingesting (row-processor.ts, duckdb/reject-lines.ts),
 * so they write the same bytes. `raw` keys each field by its header (reject-column-name.ts).
 */
import type { RejectReason } from '../schemas/validate-row.ts';
import { rejectColumnName } from './reject-column-name.ts';

export function rejectLine(header: readonly string[], record: readonly string[], row: number, line: number, reasons: readonly RejectReason[]): string {
  const raw: Record<string, string> = {};
  record.forEach((value, index) => {
    raw[rejectColumnName(header, index)] = value;
  });
  return `${JSON.stringify({ row, line, raw, reasons })}\n`;
}

/** Adds the reasons to the counts by rule (keys in order of first occurrence). */
export function countRejectRules(counts: Record<string, number>, reasons: readonly RejectReason[]): void {
  for (const reason of reasons) counts[reason.rule] = (counts[reason.rule] ?? 0) + 1;
}
