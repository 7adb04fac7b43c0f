/**
 * Athena returns every value as text (`Data[].VarCharValue`, absent for NULL) beside the
 * column's Trino type (`ResultSetMetadata.ColumnInfo`). These converters give the same
 * engine-neutral values as duckdb-values.ts, so a report reads identical rows from both engines:
 * DECIMAL as an exact string with the column's scale, DATE as `YYYY-MM-DD`, integers as numbers
 * (RangeError beyond 2^53), TIMESTAMP as ISO-8601 with the fraction's trailing zeros dropped
 * (as DuckDB prints it).
 */
import type { ColumnInfo as AthenaColumnInfo } from '@aws-sdk/client-athena';
import type { ColumnInfo, SqlValue } from './query-engine.ts';

export type TextConverter = (text: string, columnName: string) => SqlValue;

export interface TypedColumn {
  readonly info: ColumnInfo;
  readonly convert: TextConverter;
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))?$/;
const TIMESTAMP_TZ_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) (UTC|Z|[+-]\d{2}:\d{2})$/;

function unexpected(text: string, columnName: string, expected: string): never {
  throw new TypeError(`column "${columnName}": Athena returned ${JSON.stringify(text)}, expected ${expected}`);
}

const toText: TextConverter = (text) => text;

const toBoolean: TextConverter = (text, columnName) => {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return unexpected(text, columnName, 'true or false');
};

const toSmallInteger: TextConverter = (text, columnName) => {
  const value = Number(text);
  return Number.isInteger(value) && /^-?\d+$/.test(text) ? value : unexpected(text, columnName, 'an integer');
};

const toSafeInteger: TextConverter = (text, columnName) => {
  if (!/^-?\d+$/.test(text)) return unexpected(text, columnName, 'an integer');
  const big = BigInt(text);
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(
      `column "${columnName}" holds ${big}, beyond the exact range of a JavaScript number (±2^53 - 1); ` +
        `cast it to DECIMAL or VARCHAR in the query`,
    );
  }
  return Number(big);
};

/** Trino prints doubles as `1.5`, `1.0E10`, `NaN`, `Infinity`: all of which Number() reads. */
const toDouble: TextConverter = (text, columnName) => {
  const value = Number(text);
  return Number.isNaN(value) && text !== 'NaN' ? unexpected(text, columnName, 'a number') : value;
};

const toDate: TextConverter = (text, columnName) => (DATE_TEXT.test(text) ? text : unexpected(text, columnName, 'a date YYYY-MM-DD'));

/** `2024-01-02 03:04:05.120` → `2024-01-02T03:04:05.12`, as DuckDB prints a naive TIMESTAMP. */
const toIsoTimestamp: TextConverter = (text, columnName) => {
  const match = TIMESTAMP_TEXT.exec(text);
  if (match === null) return unexpected(text, columnName, 'a timestamp YYYY-MM-DD HH:MM:SS[.fff]');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  return `${match[1]}T${match[2]}${fraction === '' ? '' : `.${fraction}`}`;
};

/** `2024-01-02 03:04:05.000 UTC` → `2024-01-02T03:04:05.000Z` (an instant, as duckdb-values.ts gives TIMESTAMPTZ). */
const toIsoInstant: TextConverter = (text, columnName) => {
  const match = TIMESTAMP_TZ_TEXT.exec(text);
  if (match === null) return unexpected(text, columnName, "a timestamp with a UTC or ±HH:MM zone (cast named zones with AT TIME ZONE 'UTC')");
  const zone = match[3] === 'UTC' ? 'Z' : match[3];
  const instant = new Date(`${match[1]}T${match[2]}${zone}`);
  return Number.isNaN(instant.getTime()) ? unexpected(text, columnName, 'a valid timestamp') : instant.toISOString();
};

/** Exactly `scale` fraction digits, as DuckDB prints a DECIMAL: `12.5` in DECIMAL(18,2) → `12.50`. */
function decimalConverter(scale: number): TextConverter {
  return (text, columnName) => {
    const match = DECIMAL_TEXT.exec(text);
    if (match === null) return unexpected(text, columnName, `a decimal with ${scale} fraction digits`);
    const [, sign, whole, fraction = ''] = match;
    if (fraction.length > scale && /[1-9]/.test(fraction.slice(scale))) {
      return unexpected(text, columnName, `a decimal with at most ${scale} fraction digits`);
    }
    const digits = fraction.slice(0, scale).padEnd(scale, '0');
    const unsigned = scale === 0 ? String(whole) : `${whole}.${digits}`;
    // "-0.00" would differ from DuckDB's "0.00".
    return sign === '-' && /[1-9]/.test(unsigned) ? `-${unsigned}` : unsigned;
  };
}

const SIMPLE_TYPES: Readonly<Record<string, { readonly name: string; readonly convert: TextConverter }>> = {
  varchar: { name: 'VARCHAR', convert: toText },
  char: { name: 'VARCHAR', convert: toText },
  boolean: { name: 'BOOLEAN', convert: toBoolean },
  tinyint: { name: 'TINYINT', convert: toSmallInteger },
  smallint: { name: 'SMALLINT', convert: toSmallInteger },
  integer: { name: 'INTEGER', convert: toSmallInteger },
  int: { name: 'INTEGER', convert: toSmallInteger },
  bigint: { name: 'BIGINT', convert: toSafeInteger },
  double: { name: 'DOUBLE', convert: toDouble },
  real: { name: 'FLOAT', convert: toDouble },
  float: { name: 'FLOAT', convert: toDouble },
  date: { name: 'DATE', convert: toDate },
  time: { name: 'TIME', convert: toText },
  timestamp: { name: 'TIMESTAMP', convert: toIsoTimestamp },
  'timestamp with time zone': { name: 'TIMESTAMP WITH TIME ZONE', convert: toIsoInstant },
  // `SELECT NULL`: every value is NULL, so the converter never runs.
  unknown: { name: 'NULL', convert: toText },
};

/** The engine-neutral column (upper-case type name, like DuckDB's) and its converter. */
export function typedColumn(column: AthenaColumnInfo, name: string): TypedColumn {
  const athenaType = (column.Type ?? '').toLowerCase().replace(/\(.*\)$/, '').trim();
  if (athenaType === 'decimal') {
    const precision = column.Precision ?? 38;
    const scale = column.Scale ?? 0;
    return { info: { name, type: `DECIMAL(${precision},${scale})` }, convert: decimalConverter(scale) };
  }
  const simple = SIMPLE_TYPES[athenaType];
  if (simple === undefined) {
    throw new TypeError(
      `column "${name}" has type ${column.Type ?? '(none)'}, which the query engine cannot return ` +
        `(supported: VARCHAR, BOOLEAN, integer types, DECIMAL, DOUBLE, DATE, TIMESTAMP); cast it in the query`,
    );
  }
  return { info: { name, type: simple.name }, convert: simple.convert };
}

/** Column names made unique the way DuckDB does (`a`, `a_1`), so no value is lost in a row object. */
export function deduplicatedNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let suffix = 1; taken.has(candidate); suffix += 1) candidate = `${name}_${suffix}`;
    taken.add(candidate);
    return candidate;
  });
}
