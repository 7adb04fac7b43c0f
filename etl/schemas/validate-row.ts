/**
 * One raw record → a normalised row, or every reason it is rejected.
 * `raw` maps column names (resolved from the header) to trimmed strings; absent columns are
 * undefined. The row has every curated column in `curatedColumns` order (null when absent),
 * followed by the `year` partition column for annual datasets.
 *
 * Specs made by defineDataset run their compiled validator (same parsers and rules as the zod
 * schema, several times faster); any other spec is validated by `spec.schema`.
 */
import { compiledValidatorOf, type RowFailure } from './compiled-row-validator.ts';
import type { DatasetSpec, NormalisedRow } from './dataset-spec.ts';

export interface RejectReason {
  /** The column the reason is about; null for the row as a whole. */
  readonly column: string | null;
  /** The raw value of that column, as read; null when absent or for the row as a whole. */
  readonly value: string | null;
  /** Stable rule code, see docs/data-contract.md. */
  readonly rule: string;
  readonly message: string;
}

export type ValidationResult = { readonly ok: true; readonly row: NormalisedRow } | { readonly ok: false; readonly reasons: RejectReason[] };

type RawRecord = Readonly<Record<string, string | undefined>>;

const labelsBySpec = new WeakMap<DatasetSpec, ReadonlyMap<string, string>>();

function labelsOf(spec: DatasetSpec): ReadonlyMap<string, string> {
  let labels = labelsBySpec.get(spec);
  if (labels === undefined) {
    labels = new Map(spec.sourceColumns.map((column) => [column.name, column.headers[1] ?? column.name]));
    labelsBySpec.set(spec, labels);
  }
  return labels;
}

/** A failure as a reject reason: the column's raw value, the message prefixed with the column and its label. */
export function rejectReasonOf(spec: DatasetSpec, raw: RawRecord, failure: RowFailure): RejectReason {
  const { column, rule, message } = failure;
  if (column === null) return { column, value: null, rule, message };
  const label = labelsOf(spec).get(column);
  return { column, value: raw[column] ?? null, rule, message: `${column}${label !== undefined && label !== column ? ` (${label})` : ''}: ${message}` };
}

/** zod issue → failure: our issues carry `params.rule`; any other issue keeps zod's code. */
function failureOfIssue(issue: { readonly path: readonly PropertyKey[]; readonly message: string; readonly code: string; readonly params?: Record<string, unknown> }): RowFailure {
  const first = issue.path[0];
  const rule = issue.params?.['rule'];
  return { column: typeof first === 'string' ? first : null, rule: typeof rule === 'string' ? rule : `zod_${issue.code}`, message: issue.message };
}

/** Validates through the zod schema only (the reference the compiled path is tested against). */
export function validateRowWithZod(spec: DatasetSpec, raw: RawRecord): ValidationResult {
  const result = spec.schema.safeParse(raw);
  if (result.success) return { ok: true, row: result.data as NormalisedRow };
  return { ok: false, reasons: result.error.issues.map((issue) => rejectReasonOf(spec, raw, failureOfIssue(issue))) };
}

export function validateRow(spec: DatasetSpec, raw: RawRecord): ValidationResult {
  const compiled = compiledValidatorOf(spec);
  if (compiled === undefined) return validateRowWithZod(spec, raw);
  const outcome = compiled(raw);
  if (!Array.isArray(outcome)) return { ok: true, row: outcome };
  return { ok: false, reasons: outcome.map((failure) => rejectReasonOf(spec, raw, failure)) };
}
