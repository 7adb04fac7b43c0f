/**
 * A DuckDB result in Athena's result-set shapes: each column's ColumnInfo with Trino's type name
 * and Athena's Precision/Scale (`varchar` 2147483647, `integer` 10, `bigint` 19, `double` 17,
 * `decimal` its own, `timestamp` 3), and each value as the text Trino prints (`VarCharValue`,
 * absent for NULL): doubles as Java prints them (`2.0`, `1.0E7`), timestamps with three fraction
 * digits (`2024-01-02 03:04:05.120`), decimals with their scale (`12.50`).
 *
 * The DuckDB engine has already turned DuckDB's values into engine-neutral ones (query-engine.ts);
 * this file only spells them. DuckDB's HUGEINT (its `sum(integer)`) is Trino's `bigint`.
 */
import type { ColumnInfo as AthenaColumnInfo, Datum } from '@aws-sdk/client-athena';
import type { ColumnInfo, SqlValue } from '../../../etl/engines/query-engine.ts';

interface AthenaType {
  readonly type: string;
  readonly precision: number;
  readonly scale: number;
  readonly text: (value: Exclude<SqlValue, null>) => string;
}

const plain = (value: Exclude<SqlValue, null>) => String(value);

const ATHENA_TYPES: Readonly<Record<string, AthenaType>> = {
  VARCHAR: { type: 'varchar', precision: 2147483647, scale: 0, text: plain },
  BOOLEAN: { type: 'boolean', precision: 0, scale: 0, text: plain },
  TINYINT: { type: 'tinyint', precision: 3, scale: 0, text: plain },
  SMALLINT: { type: 'smallint', precision: 5, scale: 0, text: plain },
  INTEGER: { type: 'integer', precision: 10, scale: 0, text: plain },
  BIGINT: { type: 'bigint', precision: 19, scale: 0, text: plain },
  HUGEINT: { type: 'bigint', precision: 19, scale: 0, text: plain },
  UTINYINT: { type: 'smallint', precision: 5, scale: 0, text: plain },
  USMALLINT: { type: 'integer', precision: 10, scale: 0, text: plain },
  UINTEGER: { type: 'bigint', precision: 19, scale: 0, text: plain },
  DOUBLE: { type: 'double', precision: 17, scale: 0, text: (value) => javaDouble(value as number) },
  FLOAT: { type: 'real', precision: 7, scale: 0, text: (value) => javaDouble(shortestFloat(value as number)) },
  DATE: { type: 'date', precision: 0, scale: 0, text: plain },
  TIMESTAMP: { type: 'timestamp', precision: 3, scale: 0, text: (value) => trinoTimestamp(String(value)) },
  'TIMESTAMP WITH TIME ZONE': { type: 'timestamp with time zone', precision: 3, scale: 0, text: (value) => `${trinoTimestamp(String(value).replace(/Z$/, ''))} UTC` },
  // `SELECT NULL`: Trino's type of a bare NULL.
  '"NULL"': { type: 'unknown', precision: 0, scale: 0, text: plain },
};

export interface AthenaColumn {
  readonly info: AthenaColumnInfo;
  readonly text: (value: SqlValue) => string | undefined;
}

/** Throws (the query then FAILS) for a DuckDB type with no Athena counterpart the project reads. */
export function athenaColumn(column: ColumnInfo): AthenaColumn {
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(column.type);
  const athena: AthenaType | undefined = decimal
    ? { type: 'decimal', precision: Number(decimal[1]), scale: Number(decimal[2]), text: plain }
    : ATHENA_TYPES[column.type];
  if (athena === undefined) {
    throw new TypeError(`NOT_SUPPORTED: the Athena stand-in cannot return column ${column.name} of DuckDB type ${column.type}`);
  }
  return {
    info: {
      CatalogName: 'hive',
      SchemaName: '',
      TableName: '',
      Name: column.name,
      Label: column.name,
      Type: athena.type,
      Precision: athena.precision,
      Scale: athena.scale,
      Nullable: 'UNKNOWN',
      CaseSensitive: athena.type === 'varchar',
    },
    text: (value) => (value === null ? undefined : athena.text(value)),
  };
}

export function datum(text: string | undefined): Datum {
  return text === undefined ? {} : { VarCharValue: text };
}

/** Java's Double.toString: `2.0`, `0.001`, `1234567.5`, `1.0E7`, `1.5E-4`, `NaN`, `Infinity`. */
export function javaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace(/^\+/, '')}`;
}

/** A REAL widened to a JS number, back to the fewest digits that give the same float (as Java's Float.toString). */
function shortestFloat(value: number): number {
  for (let digits = 1; digits <= 9; digits += 1) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return candidate;
  }
  return value;
}

/** `2024-01-02T03:04:05.12` (the engine-neutral text) → `2024-01-02 03:04:05.120` (Trino's timestamp(3)). */
function trinoTimestamp(iso: string): string {
  const [date, time = '00:00:00'] = iso.split('T') as [string, string?];
  const [whole, fraction = ''] = time.split('.') as [string, string?];
  return `${date} ${whole}.${fraction.padEnd(3, '0').slice(0, 3)}`;
}
