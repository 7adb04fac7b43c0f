/**
 * The ingestion's hot path. It runs the same field parsers and cross-field rules as the
 * dataset's zod schema, but without zod's per-field payloads and issue objects: a function
 * generated once per dataset (as zod itself does for objects) fills a fixed-shape row.
 * Tests assert it agrees with `spec.schema` on valid and invalid rows.
 */
import type { CrossFieldRule } from './cross-field-rules.ts';
import type { DatasetSpec, NormalisedRow } from './dataset-spec.ts';
import { parseFieldValue } from './field-parser.ts';
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

type Failures = Array<RowFailure & { readonly order: number }>;

/**
 * The per-field statements of the generated validator. Property names are constants in the
 * generated code (JSON-quoted, so any column name is safe), which lets V8 use one hidden class
 * for every row and plain property access instead of keyed lookups on a shared loop.
 */
function fieldStatements(field: PlannedField, index: number): string {
  const name = JSON.stringify(field.name);
  const admin = field.adminColumn === null ? null : JSON.stringify(field.adminColumn);
  const onFailure = `(failures ??= []).push({ order: ${field.fieldIndex}, column: ${name}, rule: value.rule, message: value.message }); row[${name}] = UNPARSED;${admin === null ? '' : ` row[${admin}] = UNPARSED;`}`;
  const onValue =
    admin === null
      ? `row[${name}] = value;`
      : `if (value === null) { row[${name}] = null; row[${admin}] = null; } else { row[${name}] = value.city; row[${admin}] = value.admin; }`;
  return `value = parseFieldValue(raw[${name}], parsers[${index}]);\nif (value instanceof ParseFailure) { ${onFailure} } else { ${onValue} }`;
}

export function compileRowValidator(plan: readonly PlannedField[], rules: readonly CrossFieldRule[]): CompiledRowValidator {
  const columns = plan.flatMap((field) => (field.adminColumn === null ? [field.name] : [field.name, field.adminColumn]));
  const body = [
    `const row = {${columns.map((column) => `${JSON.stringify(column)}: null`).join(', ')}};`,
    'let failures = null;',
    'let value;',
    ...plan.map(fieldStatements),
    'return finish(row, failures);',
  ].join('\n');

  const finish = (row: Record<string, unknown>, fieldFailures: Failures | null): NormalisedRow | RowFailure[] => {
    let failures = fieldFailures;
    for (const rule of rules) {
      const message = rule.check(row);
      if (message !== null) (failures ??= []).push({ order: plan.length, column: rule.column, rule: rule.rule, message });
    }
    if (failures === null) return row as NormalisedRow;
    // Reasons in source column order, then cross-field rules, as the zod schema reports them.
    return failures.sort((a, b) => a.order - b.order).map(({ column, rule, message }) => ({ column, rule, message }));
  };
  const parsers = plan.map((field) => field.parser);
  const factory = new Function('parseFieldValue', 'ParseFailure', 'UNPARSED', 'parsers', 'finish', `return (raw) => {\n${body}\n};`);
  return factory(parseFieldValue, ParseFailure, UNPARSED, parsers, finish) as CompiledRowValidator;
}

const validators = new WeakMap<DatasetSpec, CompiledRowValidator>();

export function registerCompiledValidator(spec: DatasetSpec, validator: CompiledRowValidator): void {
  validators.set(spec, validator);
}

/** The compiled validator of a spec made by defineDataset, or undefined for a hand-made spec. */
export function compiledValidatorOf(spec: DatasetSpec): CompiledRowValidator | undefined {
  return validators.get(spec);
}
