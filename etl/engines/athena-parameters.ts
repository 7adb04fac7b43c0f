/**
 * Athena binds parameters by position (`?`) from `ExecutionParameters`, a list of strings that
 * Athena reads as SQL literals: a string value must arrive quoted (`'440300'`), or Athena reads
 * it as a number or a name. So `:name` becomes `?` once per occurrence and each value becomes
 * its literal.
 */
import { assertParametersGiven, rewriteNamedParameters } from './named-parameters.ts';
import type { QueryParams } from './query-engine.ts';
import { sqlStringLiteral } from './sql-literals.ts';

export interface AthenaStatement {
  readonly sql: string;
  /** Absent when the query has no parameters: Athena refuses an empty list. */
  readonly executionParameters?: string[];
}

/** A parameter value as the SQL literal Athena expects. */
export function athenaLiteral(name: string, value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`parameter :${name} is ${value}; a SQL number must be finite`);
    // As the DuckDB engine binds them: safe integers as INTEGER/BIGINT literals, other numbers as DOUBLE
    // (a bare `1.5` would be a DECIMAL in Trino).
    return Number.isSafeInteger(value) ? String(value) : `DOUBLE '${value}'`;
  }
  return sqlStringLiteral(value);
}

export function athenaStatement(sql: string, params: QueryParams): AthenaStatement {
  const rewritten = rewriteNamedParameters(sql, () => '?');
  assertParametersGiven(rewritten.names, params);
  if (rewritten.occurrences.length === 0) return { sql: rewritten.sql };
  return {
    sql: rewritten.sql,
    executionParameters: rewritten.occurrences.map((name) => athenaLiteral(name, params[name] as string | number | boolean | null)),
  };
}
