/**
 * The order in which a dataset's fields become the normalised row: curated column order
 * (a city code field gives `…city_code` then `…admin_code`), then the `year` partition column
 * of annual datasets, which the ingestion needs but Parquet does not store.
 */
import type { z } from 'zod';
import type { CrossFieldRule } from './cross-field-rules.ts';
import type { DatasetSpec, Partitioning, SqlType } from './dataset-spec.ts';
import { fieldMetaOf } from './field-meta.ts';
import { fieldParserOf, type FieldParser } from './field-parser.ts';

export interface PlannedField {
  readonly name: string;
  /** Position among the dataset's fields (source order), which orders reject reasons. */
  readonly fieldIndex: number;
  /** For a city code field, the curated column of the code as given; otherwise null. */
  readonly adminColumn: string | null;
  readonly parser: FieldParser;
  /** The field's SQL type (for a city code, that of each of its two columns). */
  readonly sqlType: SqlType;
}

const CITY_SUFFIX = 'city_code';
const ADMIN_SUFFIX = 'admin_code';

/** `from_city_code` → `from_admin_code`. */
export function adminColumnOf(dataset: string, column: string): string {
  if (!column.endsWith(CITY_SUFFIX)) throw new Error(`${dataset}.${column}: a city code field's name must end in "${CITY_SUFFIX}"`);
  return column.slice(0, -CITY_SUFFIX.length) + ADMIN_SUFFIX;
}

export function planRow(dataset: string, fields: Readonly<Record<string, z.ZodType>>, partitioning: Partitioning): PlannedField[] {
  const planned = Object.entries(fields).map(([name, schema], fieldIndex): PlannedField => {
    const where = `${dataset}.${name}`;
    const meta = fieldMetaOf(schema, where);
    const adminColumn = meta.kind === 'city_code' ? adminColumnOf(dataset, name) : null;
    return { name, fieldIndex, adminColumn, parser: fieldParserOf(schema, where), sqlType: meta.sqlType };
  });
  if (partitioning.kind !== 'year') return planned;
  return [...planned.filter((field) => field.name !== partitioning.column), ...planned.filter((field) => field.name === partitioning.column)];
}

const plans = new WeakMap<DatasetSpec, readonly PlannedField[]>();

export function registerRowPlan(spec: DatasetSpec, plan: readonly PlannedField[]): void {
  plans.set(spec, plan);
}

/**
 * The planned fields of a spec made by defineDataset, for code that reads raw values outside the
 * validator (the rejects' cities and months, etl/ingest/rejects-by-city.ts) with the fields' own
 * parsers. Throws for a hand-made spec, which has no fields.
 */
export function rowPlanOf(spec: DatasetSpec): readonly PlannedField[] {
  const plan = plans.get(spec);
  if (plan === undefined) throw new Error(`${spec.name}: the dataset spec has no field plan; build it with defineDataset (etl/schemas/define-dataset.ts)`);
  return plan;
}

/** The planned fields in the dataset's own order (the year field of an annual dataset in its place), which orders reject reasons. */
export function fieldsInSourceOrder(spec: DatasetSpec): PlannedField[] {
  return [...rowPlanOf(spec)].sort((a, b) => a.fieldIndex - b.fieldIndex);
}

const rulesBySpec = new WeakMap<DatasetSpec, readonly CrossFieldRule[]>();

export function registerCrossFieldRules(spec: DatasetSpec, rules: readonly CrossFieldRule[]): void {
  rulesBySpec.set(spec, rules);
}

/** The cross-field rules of a spec made by defineDataset, in the order they report (the ingestion query needs them as SQL). */
export function crossFieldRulesOf(spec: DatasetSpec): readonly CrossFieldRule[] {
  const rules = rulesBySpec.get(spec);
  if (rules === undefined) throw new Error(`${spec.name}: the dataset spec has no cross-field rules registered; build it with defineDataset (etl/schemas/define-dataset.ts)`);
  return rules;
}

/** Whether the spec was made by defineDataset (has fields with parsers and their SQL twins). */
export function hasRowPlan(spec: DatasetSpec): boolean {
  return plans.has(spec);
}
