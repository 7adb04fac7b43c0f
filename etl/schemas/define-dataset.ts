/**
 * Turns a dataset's fields (zod schemas from fields.ts) into a DatasetSpec: the row schema
 * (fields → cross-field rules → flattening into curated columns), the source and curated
 * columns derived from the fields' registered metadata, and the compiled validator that
 * validate-row.ts runs on the hot path (same parsers and rules, without zod's overhead).
 */
import { z } from 'zod';
import type { CuratedColumn, DatasetName, DatasetSpec, NormalisedRow, Partitioning, SourceColumn } from './dataset-spec.ts';
import type { CrossFieldRule } from './cross-field-rules.ts';
import { fieldMetaOf, type FieldMeta } from './field-meta.ts';
import { compileRowValidator, registerCompiledValidator } from './compiled-row-validator.ts';
import { headerKey } from './header-key.ts';
import type { CityCodePair } from './parse/city-code.ts';
import { adminColumnOf, planRow, registerCrossFieldRules, registerRowPlan, type PlannedField } from './row-plan.ts';

type Shape = Record<string, z.ZodType<unknown, unknown>>;

/** `from_city_code` → `from_admin_code`: the curated column holding the code as given. */
type AdminColumn<K> = K extends `${infer Prefix}city_code` ? `${Prefix}admin_code` : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** Non-distributive ([V]) so that `boolean | null` stays itself. */
type CityAsString<V> = [V] extends [CityCodePair] ? string : [V] extends [CityCodePair | null] ? string | null : V;

/** The normalised row of a dataset: city code pairs flattened into `…city_code` and `…admin_code`. */
export type DatasetRow<S extends Shape> = Simplify<
  { [K in keyof S]: CityAsString<z.output<S[K]>> } & {
    [K in keyof S as [z.output<S[K]>] extends [CityCodePair | null] ? AdminColumn<K> : never]: CityAsString<z.output<S[K]>>;
  }
>;

export interface DatasetDefinition<S extends Shape> {
  readonly name: DatasetName;
  readonly titleZh: string;
  /** Source columns in contract order; the English header is the key. */
  readonly fields: S;
  readonly key: readonly string[];
  readonly partitioning: Partitioning;
  /** @default [] */
  readonly crossFieldRules?: readonly CrossFieldRule[];
}

function cityLabel(labelZh: string): string {
  return labelZh.includes('行政区划代码') ? labelZh.replace('行政区划代码', '所属城市代码') : `${labelZh}（所属城市）`;
}

function curatedColumnsOf(dataset: string, name: string, meta: FieldMeta): CuratedColumn[] {
  const nullable = !meta.required;
  if (meta.kind !== 'city_code') return [{ name, sqlType: meta.sqlType, labelZh: meta.labelZh, nullable }];
  return [
    { name, sqlType: 'VARCHAR', labelZh: cityLabel(meta.labelZh), nullable },
    { name: adminColumnOf(dataset, name), sqlType: 'VARCHAR', labelZh: meta.labelZh, nullable },
  ];
}

function sourceColumnOf(name: string, meta: FieldMeta): SourceColumn {
  const headers = [...new Set([name, meta.labelZh, meta.labelZhHant, ...meta.aliases])];
  return meta.kind === 'money' ? { name, required: meta.required, headers, money: true } : { name, required: meta.required, headers };
}

function assertHeadersDistinct(dataset: string, sourceColumns: readonly SourceColumn[]): void {
  const owner = new Map<string, string>();
  for (const column of sourceColumns) {
    for (const header of column.headers) {
      const key = headerKey(header).key;
      const other = owner.get(key);
      if (other !== undefined && other !== column.name) throw new Error(`${dataset}: header "${header}" would match both ${other} and ${column.name}`);
      owner.set(key, column.name);
    }
  }
}

function assertLayout(dataset: string, curated: readonly CuratedColumn[], key: readonly string[], partitioning: Partitioning, fields: Shape): void {
  const byName = new Map(curated.map((column) => [column.name, column]));
  const yearColumn = partitioning.kind === 'year' ? partitioning.column : undefined;
  for (const column of key) {
    if (!byName.has(column) && column !== yearColumn) throw new Error(`${dataset}: key column ${column} is not a curated column`);
  }
  if (partitioning.kind === 'month' && byName.get(partitioning.column)?.sqlType !== 'DATE') {
    throw new Error(`${dataset}: month partition column ${partitioning.column} must be a DATE column`);
  }
  if (yearColumn !== undefined) {
    const schema = fields[yearColumn];
    if (schema === undefined || fieldMetaOf(schema, `${dataset}.${yearColumn}`).sqlType !== 'INTEGER') {
      throw new Error(`${dataset}: year partition column ${yearColumn} must be an INTEGER field`);
    }
  }
}

/** The zod path's last step: the parsed object → the normalised row, in plan order. */
function flattenWith(plan: readonly PlannedField[]): (parsed: Record<string, unknown>) => NormalisedRow {
  return (parsed) => {
    const row: NormalisedRow = {};
    for (const { name, adminColumn } of plan) {
      const value = parsed[name] as NormalisedRow[string] | CityCodePair;
      if (adminColumn === null) {
        row[name] = value as NormalisedRow[string];
      } else {
        row[name] = value === null ? null : (value as CityCodePair).city;
        row[adminColumn] = value === null ? null : (value as CityCodePair).admin;
      }
    }
    return row;
  };
}

function crossFieldCheck(rules: readonly CrossFieldRule[]) {
  return z.superRefine<Record<string, unknown>>(
    (row, ctx) => {
      for (const rule of rules) {
        const message = rule.check(row);
        if (message !== null) ctx.addIssue({ code: 'custom', message, path: rule.column === null ? [] : [rule.column], params: { rule: rule.rule } });
      }
    },
    // Run even when some fields failed, so the row gets every reason at once.
    { when: () => true },
  );
}

export function defineDataset<S extends Shape>(definition: DatasetDefinition<S>): DatasetSpec<z.ZodType<DatasetRow<S>, unknown>> {
  const { name, fields, partitioning, key } = definition;
  const metas = Object.entries(fields).map(([column, schema]) => [column, fieldMetaOf(schema, `${name}.${column}`)] as const);
  const sourceColumns = metas.map(([column, meta]) => sourceColumnOf(column, meta));
  const curatedColumns = metas
    .filter(([column]) => !(partitioning.kind === 'year' && column === partitioning.column))
    .flatMap(([column, meta]) => curatedColumnsOf(name, column, meta));
  assertHeadersDistinct(name, sourceColumns);
  assertLayout(name, curatedColumns, key, partitioning, fields);

  const rules = definition.crossFieldRules ?? [];
  const plan = planRow(name, fields, partitioning);
  const objectSchema = z.object(fields as Shape);
  const checked = rules.length === 0 ? objectSchema : objectSchema.check(crossFieldCheck(rules));
  const schema = checked.transform(flattenWith(plan));
  const spec: DatasetSpec<z.ZodType<DatasetRow<S>, unknown>> = {
    name,
    titleZh: definition.titleZh,
    schema: schema as unknown as z.ZodType<DatasetRow<S>, unknown>,
    sourceColumns,
    curatedColumns,
    key,
    partitioning,
  };
  registerCompiledValidator(spec, compileRowValidator(plan, rules));
  registerRowPlan(spec, plan);
  registerCrossFieldRules(spec, rules);
  return spec;
}
