/**
 * The rejects JSONL of the ingestion in DuckDB: the checked table's rejected rows, read in record
 * order a chunk at a time, written exactly as row-processor.ts writes them —
 * `{"row":N,"line":L,"raw":{…},"reasons":[…]}` with every reason as validate-row.ts words it — and
 * counted by rule in order of first occurrence.
 *
 * A record's line is the header's lines, plus one per data record before it, plus the line breaks
 * inside the fields of those records (only multi-line records have any, so they are summed from
 * the few rows that have them).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RowFailure } from '../../schemas/compiled-row-validator.ts';
import type { DatasetSpec } from '../../schemas/dataset-spec.ts';
import { crossFieldRulesOf, fieldsInSourceOrder } from '../../schemas/row-plan.ts';
import { rejectReasonOf } from '../../schemas/validate-row.ts';
import { compileRawRecordBuilder, type RawColumnBinding } from '../raw-record-builder.ts';
import { countRejectRules, rejectLine } from '../reject-line.ts';
import { CHECKED_TABLE } from './checked-rows-sql.ts';

export interface RejectLinesOptions {
  readonly connection: DuckDBConnection;
  readonly dataset: DatasetSpec;
  readonly header: readonly string[];
  readonly columns: readonly RawColumnBinding[];
  /** Lines the header spans. */
  readonly headerLines: number;
  readonly rejectsPath: string;
}

export interface RejectLines {
  readonly rejected: number;
  readonly rejectRules: Record<string, number>;
  readonly path: string;
}

/** A failure as the query lists it: `f` the field's index, then the cross-field rules', -1 for the field count. */
interface Failure {
  readonly f: number;
  readonly rule: string;
  readonly message: string;
}

const REJECTS_SQL = `WITH multi AS (SELECT _rec, _nl FROM ${CHECKED_TABLE} WHERE _nl > 0)
SELECT c._rec, c._raw, c._reasons, (SELECT coalesce(sum(m._nl), 0) FROM multi m WHERE m._rec < c._rec) AS breaks_before
FROM ${CHECKED_TABLE} c WHERE c._reasons IS NOT NULL ORDER BY c._rec`;

export async function writeRejectLines(options: RejectLinesOptions): Promise<RejectLines> {
  const { connection, dataset, header } = options;
  const fields = fieldsInSourceOrder(dataset);
  const rules = crossFieldRulesOf(dataset);
  // The reason's `column` for each failure index: the fields, then the cross-field rules.
  const columnOf = (f: number): string | null => (f < 0 ? null : f < fields.length ? fields[f]!.name : rules[f - fields.length]!.column);
  // The raw record validate-row.ts reads (trimmed, 万元 appended): only a record with the header's fields has one.
  const buildRaw = compileRawRecordBuilder(options.columns);
  const rowFailure = ({ f, rule, message }: Failure): RowFailure => ({ column: columnOf(f), rule, message });

  const rejectRules: Record<string, number> = {};
  let rejected = 0;
  let fd: number | undefined;
  const result = await connection.stream(REJECTS_SQL);
  try {
    for await (const rows of result.yieldRowObjectJs()) {
      let text = '';
      for (const row of rows) {
        const record = (row['_raw'] as (string | null)[]).filter((field): field is string => field !== null);
        const raw = record.length === header.length ? buildRaw(record) : {};
        const reasons = (row['_reasons'] as unknown as Failure[]).map((failure) => rejectReasonOf(dataset, raw, rowFailure(failure)));
        countRejectRules(rejectRules, reasons);
        const rec = Number(row['_rec']);
        // The header is record 1; the record starts after the header's lines, the records before it and their inner line breaks.
        text += rejectLine(header, record, rec + 1, options.headerLines + rec + Number(row['breaks_before']), reasons);
        rejected++;
      }
      if (text === '') continue;
      fd ??= openSync(options.rejectsPath, 'w');
      writeSync(fd, text);
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return { rejected, rejectRules, path: options.rejectsPath };
}
