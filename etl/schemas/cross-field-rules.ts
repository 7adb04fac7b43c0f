/**
 * Rules between fields of one row. They run even when other fields failed (so a row gets every
 * reason at once), and a rule whose own inputs did not parse stays silent: the field already
 * carries its reason.
 */
import { patentTypeOfApplicationNo, TYPE_BY_DIGIT_12, TYPE_BY_DIGIT_8, TYPE_DIGIT_INDEX_12, TYPE_DIGIT_INDEX_8 } from './parse/patent-application-no.ts';
import { sqlConcat, sqlString } from './sql/sql-field-twin.ts';

/** What the SQL of a rule can ask about the row's columns (the ingestion query, etl/ingest/sql/). */
export interface CrossFieldColumns {
  /**
   * SQL of the column's parsed value when it is text or a date (what `parsedString` sees: a date
   * is `YYYY-MM-DD` text in JavaScript, a DATE here, which orders and prints the same); NULL when
   * the value is absent, failed, or of another type.
   */
  textValue(column: string): string;
  /** SQL true when the column was given: a value, or a value that failed to parse. */
  given(column: string): string;
}

export interface CrossFieldRule {
  /** Stable rule code (docs/data-contract.md). */
  readonly rule: string;
  /** The column the reason is reported on; null for the row as a whole. */
  readonly column: string | null;
  /** A message when the row breaks the rule, null when it holds or cannot be judged. */
  check(row: Readonly<Record<string, unknown>>): string | null;
  /** The same check as SQL: the message, or NULL (tested against `check`). */
  sql(columns: CrossFieldColumns): string;
}

function parsedString(row: Readonly<Record<string, unknown>>, column: string): string | null {
  const value = row[column];
  return typeof value === 'string' ? value : null;
}

/** `column` (a DATE) must not be before `earlierColumn` when both are present. */
export function dateNotBefore(column: string, earlierColumn: string, rule: string): CrossFieldRule {
  return {
    rule,
    column,
    check(row) {
      const later = parsedString(row, column);
      const earlier = parsedString(row, earlierColumn);
      // ISO dates compare correctly as strings.
      return later !== null && earlier !== null && later < earlier ? `${later} is before ${earlierColumn} (${earlier})` : null;
    },
    sql(columns) {
      const later = columns.textValue(column);
      const earlier = columns.textValue(earlierColumn);
      return `(CASE WHEN ${later} < ${earlier} THEN ${sqlConcat(`CAST(${later} AS VARCHAR)`, sqlString(` is before ${earlierColumn} (`), `CAST(${earlier} AS VARCHAR)`, "')'")} END)`;
    },
  };
}

/** `column` may only be given when `conditionColumn` is `requiredValue`. */
export function onlyWhen(column: string, conditionColumn: string, requiredValue: string, rule: string): CrossFieldRule {
  return {
    rule,
    column,
    check(row) {
      const value = parsedString(row, column);
      const condition = parsedString(row, conditionColumn);
      return value !== null && condition !== null && condition !== requiredValue
        ? `${value} is only allowed when ${conditionColumn} is ${requiredValue}, not ${condition}`
        : null;
    },
    sql(columns) {
      const value = columns.textValue(column);
      const condition = columns.textValue(conditionColumn);
      return `(CASE WHEN ${value} IS NOT NULL AND ${condition} <> ${sqlString(requiredValue)} THEN ${sqlConcat(`CAST(${value} AS VARCHAR)`, sqlString(` is only allowed when ${conditionColumn} is ${requiredValue}, not `), `CAST(${condition} AS VARCHAR)`)} END)`;
    },
  };
}

/** `typeColumn` must be the patent type encoded in the application number. */
export function patentTypeMatchesNumber(typeColumn: string, numberColumn: string): CrossFieldRule {
  return {
    rule: 'patent_type_mismatch',
    column: typeColumn,
    check(row) {
      const type = parsedString(row, typeColumn);
      const number = parsedString(row, numberColumn);
      if (type === null || number === null) return null;
      const encoded = patentTypeOfApplicationNo(number);
      return encoded !== undefined && encoded !== type ? `${type} disagrees with ${numberColumn} ${number}, whose type digit means ${encoded}` : null;
    },
    sql(columns) {
      const type = columns.textValue(typeColumn);
      const number = columns.textValue(numberColumn);
      const digits = `split_part(${number}, '.', 1)`;
      const typeMap = (types: Readonly<Record<string, string>>) => `MAP {${Object.entries(types).map(([digit, value]) => `${sqlString(digit)}: ${sqlString(value)}`).join(', ')}}`;
      const encoded = `(CASE WHEN length(${digits}) = 12 THEN ${typeMap(TYPE_BY_DIGIT_12)}[substr(${digits}, ${TYPE_DIGIT_INDEX_12 + 1}, 1)] ELSE ${typeMap(TYPE_BY_DIGIT_8)}[substr(${digits}, ${TYPE_DIGIT_INDEX_8 + 1}, 1)] END)`;
      return `(CASE WHEN ${encoded} <> ${type} THEN ${sqlConcat(type, "' disagrees with '", sqlString(numberColumn), "' '", number, "', whose type digit means '", encoded)} END)`;
    },
  };
}

/**
 * At least one group of columns must be complete (every column non-null), e.g. the income
 * approach or the production approach of value added. Columns that failed to parse count as
 * given, so the row is not also blamed for missing them.
 */
export function oneGroupComplete(groups: ReadonlyArray<readonly string[]>, rule: string): CrossFieldRule {
  const describe = groups.map((group) => `all of ${group.join(', ')}`).join(' or ');
  return {
    rule,
    column: null,
    check(row) {
      const complete = groups.some((group) => group.every((column) => row[column] !== null && row[column] !== undefined));
      return complete ? null : `expected ${describe}`;
    },
    sql(columns) {
      const complete = groups.map((group) => (group.length === 0 ? 'TRUE' : `(${group.map((column) => columns.given(column)).join(' AND ')})`)).join(' OR ');
      return `(CASE WHEN NOT (${complete}) THEN ${sqlString(`expected ${describe}`)} END)`;
    },
  };
}
