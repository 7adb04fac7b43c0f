/**
 * Conversion between DuckDB values and the engine-neutral values of query-engine.ts, so that
 * DuckDB and Athena hand back identical rows: DECIMAL as an exact string with the column's
 * scale, DATE as `YYYY-MM-DD`, integers as numbers (never a silently rounded one).
 */
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBTimestampTZValue,
  DuckDBTypeId,
  INTEGER,
  VARCHAR,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { QueryParams, SqlValue } from './query-engine.ts';

export type ValueConverter = (value: DuckDBValue, columnName: string) => SqlValue;

const toStringValue: ValueConverter = (value) => String(value);
const toNumberValue: ValueConverter = (value) => Number(value);
const toBooleanValue: ValueConverter = (value) => value === true;
/** A naive TIMESTAMP prints as `2024-01-02 03:04:05.123`; ISO-8601 wants the `T`. */
const toIsoTimestamp: ValueConverter = (value) => String(value).replace(' ', 'T');
const toIsoTimestampTz: ValueConverter = (value) =>
  value instanceof DuckDBTimestampTZValue && value.isFinite
    ? new Date(Number(value.micros / 1000n)).toISOString()
    : String(value);

const toSafeInteger: ValueConverter = (value, columnName) => {
  const big = typeof value === 'bigint' ? value : BigInt(String(value));
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(
      `column "${columnName}" holds ${big}, beyond the exact range of a JavaScript number (±2^53 - 1); ` +
        `cast it to DECIMAL or VARCHAR in the query`,
    );
  }
  return Number(big);
};

const CONVERTERS: Partial<Record<DuckDBTypeId, ValueConverter>> = {
  [DuckDBTypeId.BOOLEAN]: toBooleanValue,
  [DuckDBTypeId.TINYINT]: toNumberValue,
  [DuckDBTypeId.SMALLINT]: toNumberValue,
  [DuckDBTypeId.INTEGER]: toNumberValue,
  [DuckDBTypeId.UTINYINT]: toNumberValue,
  [DuckDBTypeId.USMALLINT]: toNumberValue,
  [DuckDBTypeId.UINTEGER]: toNumberValue,
  [DuckDBTypeId.BIGINT]: toSafeInteger,
  [DuckDBTypeId.UBIGINT]: toSafeInteger,
  [DuckDBTypeId.HUGEINT]: toSafeInteger,
  [DuckDBTypeId.UHUGEINT]: toSafeInteger,
  [DuckDBTypeId.FLOAT]: toNumberValue,
  [DuckDBTypeId.DOUBLE]: toNumberValue,
  // DuckDBDecimalValue.toString() prints exactly `scale` fraction digits ("1234.50").
  [DuckDBTypeId.DECIMAL]: toStringValue,
  [DuckDBTypeId.VARCHAR]: toStringValue,
  [DuckDBTypeId.ENUM]: toStringValue,
  [DuckDBTypeId.UUID]: toStringValue,
  [DuckDBTypeId.DATE]: toStringValue,
  [DuckDBTypeId.TIME]: toStringValue,
  [DuckDBTypeId.TIMESTAMP]: toIsoTimestamp,
  [DuckDBTypeId.TIMESTAMP_S]: toIsoTimestamp,
  [DuckDBTypeId.TIMESTAMP_MS]: toIsoTimestamp,
  [DuckDBTypeId.TIMESTAMP_NS]: toIsoTimestamp,
  [DuckDBTypeId.TIMESTAMP_TZ]: toIsoTimestampTz,
  // Only `SELECT NULL`: every value is null.
  [DuckDBTypeId.SQLNULL]: () => null,
};

/** The converter for a result column; throws for types with no engine-neutral value (LIST, STRUCT, BLOB…). */
export function converterFor(type: DuckDBType, columnName: string): ValueConverter {
  const converter = CONVERTERS[type.typeId];
  if (converter === undefined) {
    throw new TypeError(
      `column "${columnName}" has type ${type.toString()}, which the query engine cannot return ` +
        `(supported: VARCHAR, BOOLEAN, integer types, DECIMAL, DOUBLE, DATE, TIMESTAMP); cast it in the query`,
    );
  }
  return converter;
}

export interface DuckDbBinding {
  readonly values: Record<string, DuckDBValue>;
  readonly types: Record<string, DuckDBType | undefined>;
}

/**
 * Typed bindings for the parameters the query uses. Whole numbers bind as INTEGER (BIGINT
 * beyond 32 bits) so `:year = year` compares integers, other numbers as DOUBLE; a string that
 * meets a DATE or DECIMAL column is cast by DuckDB from the prepared parameter's type.
 */
export function bindingFor(names: readonly string[], params: QueryParams): DuckDbBinding {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType | undefined> = {};
  for (const name of names) {
    const value = params[name] ?? null;
    if (value === null) {
      values[name] = null;
    } else if (typeof value === 'string') {
      values[name] = value;
      types[name] = VARCHAR;
    } else if (typeof value === 'boolean') {
      values[name] = value;
      types[name] = BOOLEAN;
    } else if (Number.isSafeInteger(value)) {
      const fitsInteger = value >= -(2 ** 31) && value < 2 ** 31;
      values[name] = fitsInteger ? value : BigInt(value);
      types[name] = fitsInteger ? INTEGER : BIGINT;
    } else if (Number.isFinite(value)) {
      values[name] = value;
      types[name] = DOUBLE;
    } else {
      throw new RangeError(`parameter :${name} is ${value}; expected a finite number`);
    }
  }
  return { values, types };
}
