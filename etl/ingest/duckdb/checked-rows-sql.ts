/**
 * The ingestion query (issue 14): one DuckDB statement that reads a source file's records as text
 * and checks every one with the dataset's rules as SQL — each field's twin (etl/schemas/sql/,
 * registered with its JavaScript parser in fields.ts) and each cross-field rule's `sql` — into a
 * table `checked` of one row per record:
 *
 * - `_rec`: the data record's number among the data records (1 = the first after the header);
 * - the curated columns (values of valid rows; NULL on rejected ones), the partition key `_pkey`
 *   (year × 100 + month, the year, or 0, as partition-key.ts numbers it);
 * - `_nl`: line breaks inside the record's fields (a record spans 1 + `_nl` lines);
 * - `_blank`: every field is blank (papaparse does not count such a line as a record);
 * - `_reasons`: NULL for a valid row, else every failure as `{f, rule, message}` in the order
 *   validate-row.ts gives them (`f`: the field's index among the dataset's fields, then the
 *   cross-field rules after them, -1 for the field count), which reject-lines.ts turns into reasons;
 * - `_raw`: the record's fields as read (only on rejected rows).
 *
 * The file is read with one more column than the header has and `null_padding`, and with a
 * `nullstr` no text can hold, so a field is NULL only when the record lacks it: a record with too
 * few or too many fields is seen (rule `field_count`, as row-processor.ts does it) instead of being
 * padded or cut silently. Rows are ordered by partition then record, so each partition's Parquet is
 * one stretch of the table.
 */
import { crossFieldRulesOf, fieldsInSourceOrder, type PlannedField } from '../../schemas/row-plan.ts';
import type { RawColumnBinding } from '../raw-record-builder.ts';
import type { DatasetSpec } from '../../schemas/dataset-spec.ts';
import type { CrossFieldColumns } from '../../schemas/cross-field-rules.ts';
import { REQUIRED_RULE } from '../../schemas/field-parser.ts';
import { sqlJsTrimmedOrNull } from '../../schemas/sql/js-trim.ts';
import { sqlString } from '../../schemas/sql/sql-field-twin.ts';
import { sqlIdentifier } from '../../engines/sql-literals.ts';
import { partitionKeySql } from '../partition-key.ts';
import { stagingColumnsOf } from '../staging-columns.ts';


export interface CheckedRowsOptions {
  readonly dataset: DatasetSpec;
  /** Fields in the header. */
  readonly fieldCount: number;
  /** The resolved header's columns (resolve-headers.ts), as the raw record builder binds them. */
  readonly columns: readonly RawColumnBinding[];
  /** The table expression reading the file: `fieldCount + 1` VARCHAR columns `c0`, `c1`, … (source-csv-sql.ts). */
  readonly source: string;
  /** The character whose count is a record's line breaks (`\n`, or `\r` for CR-only files). */
  readonly breakChar: string;
  /** The file has a quote character: only then can a field hold a line break. */
  readonly quoted: boolean;
}

/** The table the statement creates, which ingest-in-duckdb.ts and reject-lines.ts read. */
export const CHECKED_TABLE = 'checked';

const cell = (index: number) => `c${index}`;
const FIELD_COUNT_INDEX = -1;

/** The field's curated columns as SQL of its value `v` (a city code gives two). */
function curatedOf(field: PlannedField, value: string): { name: string; sql: string }[] {
  if (field.adminColumn === null) return [{ name: field.name, sql: value }];
  return [
    { name: field.name, sql: `(${value}).city` },
    { name: field.adminColumn, sql: `(${value}).admin` },
  ];
}

/** The statement creating the table, its rows ordered by partition then record. */
export function checkedRowsSql(options: CheckedRowsOptions): string {
  return [`CREATE OR REPLACE TABLE ${CHECKED_TABLE} AS`, checkedRowsSelectSql(options), 'ORDER BY _pkey NULLS LAST, _rec'].join('\n');
}

/** The query of the table's rows, in no stated order (the bench counts it to price the checks alone). */
export function checkedRowsSelectSql(options: CheckedRowsOptions): string {
  const { dataset, fieldCount, columns, source, breakChar } = options;
  const plan = fieldsInSourceOrder(dataset);
  const rules = crossFieldRulesOf(dataset);
  const byColumn = new Map(columns.map((column) => [column.column, column]));
  const cells = Array.from({ length: fieldCount + 1 }, (_, index) => cell(index));

  // 1. Each bound field's trimmed text (NULL when empty); absent fields are NULL.
  const textOf = (field: PlannedField) => `t${field.fieldIndex}`;
  const texts = plan.map((field) => {
    const bound = byColumn.get(field.name);
    return `${bound === undefined ? 'CAST(NULL AS VARCHAR)' : sqlJsTrimmedOrNull(cell(bound.index))} AS ${textOf(field)}`;
  });

  // 2. Each field's value and rule from its twin (the 万元 unit appended as raw-record-builder.ts does);
  // its message only where a row fails (messages are built with the row's reasons, below).
  const inputOf = (field: PlannedField) => (byColumn.get(field.name)?.wanYuan === true ? `(${textOf(field)} || '万元')` : textOf(field));
  const missing = (field: PlannedField, failure: string) => (field.parser.required ? failure : 'NULL');
  // A twin's fast test is computed once, as f<field>, and its expressions are given that column.
  const fastTestOf = (field: PlannedField) => (field.parser.twin.fastTest === undefined ? undefined : `f${field.fieldIndex}`);
  const fastTests = plan.flatMap((field) => {
    const { fastTest } = field.parser.twin;
    return fastTest === undefined ? [] : [`${fastTest(inputOf(field))} AS f${field.fieldIndex}`];
  });
  const checks = plan.flatMap((field) => {
    const { twin } = field.parser;
    const args = [inputOf(field), `p${field.fieldIndex}`, fastTestOf(field)] as const;
    return [
      `CASE WHEN ${textOf(field)} IS NULL THEN NULL ELSE ${twin.value(...args)} END AS v${field.fieldIndex}`,
      `CASE WHEN ${textOf(field)} IS NULL THEN ${missing(field, sqlString(REQUIRED_RULE))} ELSE ${twin.rule(...args)} END AS r${field.fieldIndex}`,
    ];
  });
  const messageOf = (field: PlannedField) =>
    `CASE WHEN ${textOf(field)} IS NULL THEN ${missing(field, sqlString('a value is required'))} ELSE ${field.parser.twin.message(inputOf(field), `p${field.fieldIndex}`, fastTestOf(field))} END`;

  // The twins' reference-table look-ups: a LEFT JOIN each, its value as p<field>.
  const lookups = plan.flatMap((field) => {
    const { lookup } = field.parser.twin;
    if (lookup === undefined) return [];
    const alias = `l${field.fieldIndex}`;
    // The texts' names are unambiguous: a look-up relation has only key and value.
    return [{ column: `${alias}.value AS p${field.fieldIndex}`, join: `LEFT JOIN (${lookup.relation}) AS ${alias} ON ${alias}.key = ${lookup.key(inputOf(field))}` }];
  });

  // 3. Cross-field rules, on the parsed values.
  const fieldByName = new Map(plan.map((field) => [field.name, field]));
  const known = (column: string) => {
    const field = fieldByName.get(column);
    if (field === undefined) throw new Error(`${dataset.name}: a cross-field rule names ${column}, which is not a field`);
    return field;
  };
  const ruleColumns: CrossFieldColumns = {
    textValue(column) {
      const field = known(column);
      if (field.adminColumn !== null) return `(v${field.fieldIndex}).city`;
      // What parsedString sees: text and dates are strings in JavaScript, numbers and booleans are not.
      return field.sqlType === 'VARCHAR' || field.sqlType === 'DATE' ? `v${field.fieldIndex}` : 'CAST(NULL AS VARCHAR)';
    },
    given(column) {
      const field = known(column);
      return `(v${field.fieldIndex} IS NOT NULL OR r${field.fieldIndex} IS NOT NULL)`;
    },
  };
  const ruleMessages = rules.map((rule, index) => `${rule.sql(ruleColumns)} AS x${index}`);

  // 4. The row's failures, in validate-row.ts's order.
  // A field fails when its rule is there; a cross-field rule when its message is.
  const failures = [
    ...plan.map((field) => `CASE WHEN r${field.fieldIndex} IS NOT NULL THEN {'f': ${field.fieldIndex}, 'rule': r${field.fieldIndex}, 'message': ${messageOf(field)}} END`),
    ...rules.map((rule, index) => `CASE WHEN x${index} IS NOT NULL THEN {'f': ${plan.length + index}, 'rule': ${sqlString(rule.rule)}, 'message': x${index}} END`),
  ];
  // Padding only trails, so the common record (the header's fields, no extra) is told by two tests.
  const present = `CASE WHEN ${cell(fieldCount - 1)} IS NOT NULL AND ${cell(fieldCount)} IS NULL THEN ${fieldCount} ELSE ${cells.map((name) => `(${name} IS NOT NULL)::INTEGER`).join(' + ')} END`;
  const fieldCountFailure = `[{'f': ${FIELD_COUNT_INDEX}, 'rule': 'field_count', 'message': ${sqlString(`expected ${fieldCount} fields as in the header, found `)} || CAST(_fields AS VARCHAR)}]`;
  const reasons = `CASE WHEN _fields <> ${fieldCount} THEN ${fieldCountFailure} ELSE list_filter([${failures.join(', ')}], x -> x IS NOT NULL) END`;
  // A cheap test first, so the list of failures is built only for the rows that have one.
  const valid = [`_fields = ${fieldCount}`, ...plan.map((field) => `r${field.fieldIndex} IS NULL`), ...rules.map((_, index) => `x${index} IS NULL`)].join(' AND ');

  // 5. The curated columns (types as the staging CSV declares them) and the partition key.
  const staged = stagingColumnsOf(dataset).filter((column) => !column.name.startsWith('_'));
  const valueOf = new Map(plan.flatMap((field) => curatedOf(field, `v${field.fieldIndex}`).map(({ name, sql }) => [name, sql] as const)));
  const curated = staged.map((column) => {
    const sql = valueOf.get(column.name);
    if (sql === undefined) throw new Error(`${dataset.name}.${column.name}: no field gives this curated column`);
    return `CAST(${sql} AS ${column.sqlType}) AS ${sqlIdentifier(column.name)}`;
  });
  const { partitioning } = dataset;
  const pkey = partitionKeySql(partitioning, partitioning.kind === 'none' ? undefined : valueOf.get(partitioning.column));
  const breakCount = cells.map((name) => `coalesce(length(${name}) - length(replace(${name}, ${sqlString(breakChar)}, '')), 0)`).join(' + ');
  // Counted only in the rare record that has a line break in a field.
  const breaks = options.quoted ? `CASE WHEN ${cells.map((name) => `contains(${name}, ${sqlString(breakChar)})`).join(' OR ')} THEN ${breakCount} ELSE 0 END` : '0';
  // A projection evaluates every operand of an AND, so the fields' trimmed texts rule out most rows first.
  const allBoundEmpty = plan.filter((field) => byColumn.has(field.name)).map((field) => `${textOf(field)} IS NULL`).join(' AND ') || 'true';
  const blank = `CASE WHEN NOT (${allBoundEmpty}) THEN false ELSE ${cells.map((name) => `coalesce(${sqlJsTrimmedOrNull(name)}, '') = ''`).join(' AND ')} END`;

  return [
    `WITH src AS (SELECT row_number() OVER () AS _rec, * FROM ${source}),`,
    `texts AS (SELECT *, ${present} AS _fields, ${texts.join(', ')} FROM src),`,
    `prepared AS (SELECT texts.*${lookups.map((lookup) => `, ${lookup.column}`).join('')} FROM texts ${lookups.map((lookup) => lookup.join).join(' ')}),`,
    `tested AS (SELECT *${fastTests.map((sql) => `, ${sql}`).join('')} FROM prepared),`,
    `fields AS (SELECT *, ${checks.join(',\n')} FROM tested),`,
    `rules AS (SELECT *${ruleMessages.map((sql) => `, ${sql}`).join('')} FROM fields),`,
    `verdicts AS (SELECT *, (${valid}) AS _valid FROM rules)`,
    `SELECT _rec, ${curated.join(', ')},`,
    `CASE WHEN _valid THEN ${pkey} END AS _pkey,`,
    `CAST(${breaks} AS INTEGER) AS _nl, (${blank}) AS _blank,`,
    `CASE WHEN NOT _valid THEN ${reasons} END AS _reasons,`,
    `CASE WHEN NOT _valid THEN [${cells.join(', ')}] END AS _raw`,
    `FROM verdicts`,
  ].join('\n');
}
