/**
 * The ingestion's hot path. It runs the same field parsers and cross-field rules as the
 * dataset's zod schema, but without zod's per-field payloads and issue objects. Built once per
 * dataset; tests assert it agrees with `spec.schema` on valid and invalid rows.
 */
import type { CrossFieldRule } from './cross-field-rules.ts';
import type { DatasetSpec, NormalisedRow } from './dataset-spec.ts';
import { parseFieldValue } from './field-parser.ts';
import type { CityCodePair } from './parse/city-code.ts';
import { ParseFailure } from './parse/parse-failure.ts';
import type { PlannedField } from './row-plan.ts';

/** A failed field or rule, before validate-row.ts turns it into a reject reason. */
export interface RowFailure {
  readonly column: string | null;
  readonly rule: string;
  readonly message: string;
}

export type CompiledRowValidator = (raw: Readonly<Record<string, string | undefined>>) => NormalisedRow | RowFailure[];

/** Stands in for a value that did not parse, so rules treat it as given but not comparable. */
const UNPARSED = Symbol('unparsed');

/**
 * Makes empty rows with every column already in place, so V8 gives all rows one hidden class
 * and filling a row overwrites properties instead of growing the object.
 */
function emptyRowFactory(plan: readonly PlannedField[]): () => Record<string, unknown> {
  const columns = plan.flatMap((field) => (field.adminColumn === null ? [field.name] : [field.name, field.adminColumn]));
  const literal = `{${columns.map((column) => `${JSON.stringify(column)}: null`).join(', ')}}`;
  return new Function(`return () => (${literal});`)() as () => Record<string, unknown>;
}

export function compileRowValidator(plan: readonly PlannedField[], rules: readonly CrossFieldRule[]): CompiledRowValidator {
  const emptyRow = emptyRowFactory(plan);
  return (raw) => {
    const row = emptyRow();
    let failures: Array<RowFailure & { readonly order: number }> | null = null;
    for (const field of plan) {
      const value = parseFieldValue(raw[field.name], field.parser);
      if (value instanceof ParseFailure) {
        (failures ??= []).push({ order: field.fieldIndex, column: field.name, rule: value.rule, message: value.message });
        row[field.name] = UNPARSED;
        if (field.adminColumn !== null) row[field.adminColumn] = UNPARSED;
      } else if (field.adminColumn === null) {
        row[field.name] = value;
      } else {
        row[field.name] = value === null ? null : (value as CityCodePair).city;
        row[field.adminColumn] = value === null ? null : (value as CityCodePair).admin;
      }
    }
    for (const rule of rules) {
      const message = rule.check(row);
      if (message !== null) (failures ??= []).push({ order: plan.length, column: rule.column, rule: rule.rule, message });
    }
    if (failures === null) return row as NormalisedRow;
    // Reasons in source column order, then cross-field rules, as the zod schema reports them.
    return failures.sort((a, b) => a.order - b.order).map(({ column, rule, message }) => ({ column, rule, message }));
  };
}

const validators = new WeakMap<DatasetSpec, CompiledRowValidator>();

export function registerCompiledValidator(spec: DatasetSpec, validator: CompiledRowValidator): void {
  validators.set(spec, validator);
}

/** The compiled validator of a spec made by defineDataset, or undefined for a hand-made spec. */
export function compiledValidatorOf(spec: DatasetSpec): CompiledRowValidator | undefined {
  return validators.get(spec);
}
