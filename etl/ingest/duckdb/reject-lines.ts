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
import { rowPlanOf, crossFieldRulesOf } from '../../schemas/row-plan.ts';
import type { DatasetSpec } from '../../schemas/dataset-spec.ts';
import type { RejectReason } from '../../schemas/validate-row.ts';
import { rejectColumnName } from '../reject-column-name.ts';
import type { BoundColumn } from './checked-rows-sql.ts';

export interface RejectLinesOptions {
  readonly connection: DuckDBConnection;
  readonly dataset: DatasetSpec;
  readonly header: readonly string[];
  readonly columns: readonly BoundColumn[];
  /** Lines the header spans. */
  readonly headerLines: number;
  readonly rejectsPath: string;
}

export interface RejectLines {
  readonly rejected: number;
  readonly rejectRules: Record<string, number>;
  readonly path: string;
}

interface Failure {
  readonly f: number;
  readonly rule: string;
  readonly message: string;
}

const REJECTS_SQL = `WITH multi AS (SELECT _rec, _nl FROM checked WHERE _nl > 0)
SELECT c._rec, c._raw, c._reasons, (SELECT coalesce(sum(m._nl), 0) FROM multi m WHERE m._rec < c._rec) AS breaks_before
FROM checked c WHERE c._reasons IS NOT NULL ORDER BY c._rec`;

export async function writeRejectLines(options: RejectLinesOptions): Promise<RejectLines> {
  const { connection, dataset, header, columns } = options;
  const plan = [...rowPlanOf(dataset)].sort((a, b) => a.fieldIndex - b.fieldIndex);
  const rules = crossFieldRulesOf(dataset);
  const labels = new Map(dataset.sourceColumns.map((column) => [column.name, column.headers[1] ?? column.name]));
  const bound = new Map(columns.map((column) => [column.column, column]));
  // The reason's `column` for each failure index: the fields, then the cross-field rules.
  const columnOf = (f: number): string | null => (f < 0 ? null : f < plan.length ? plan[f]!.name : rules[f - plan.length]!.column);
  // raw-record-builder.ts's value of a column: trimmed, with 万元 appended to a value in a (万元) column.
  const rawValue = (record: readonly string[], column: string): string | null => {
    const binding = bound.get(column);
    if (binding === undefined) return null;
    const value = record[binding.index]!.trim();
    return binding.wanYuan && value !== '' ? `${value}万元` : value;
  };
  const reasonOf = (record: readonly string[], failure: Failure): RejectReason => {
    const column = columnOf(failure.f);
    if (column === null) return { column, value: null, rule: failure.rule, message: failure.message };
    const label = labels.get(column);
    return { column, value: rawValue(record, column), rule: failure.rule, message: `${column}${label !== undefined && label !== column ? ` (${label})` : ''}: ${failure.message}` };
  };

  const rejectRules: Record<string, number> = {};
  let rejected = 0;
  let fd: number | undefined;
  const result = await connection.stream(REJECTS_SQL);
  try {
    for await (const rows of result.yieldRowObjectJs()) {
      let text = '';
      for (const row of rows) {
        const fields = (row['_raw'] as (string | null)[]).filter((field): field is string => field !== null);
        const failures = row['_reasons'] as unknown as Failure[];
        const rec = Number(row['_rec']);
        const raw: Record<string, string> = {};
        fields.forEach((value, index) => {
          raw[rejectColumnName(header, index)] = value;
        });
        const reasons = failures.map((failure) => reasonOf(fields, failure));
        for (const reason of reasons) rejectRules[reason.rule] = (rejectRules[reason.rule] ?? 0) + 1;
        const line = options.headerLines + rec + Number(row['breaks_before']);
        text += `${JSON.stringify({ row: rec + 1, line, raw, reasons })}\n`;
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
