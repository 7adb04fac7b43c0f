/**
 * Why a query FAILED, in Athena's terms: the StateChangeReason (`<TRINO_ERROR_NAME>: message`, as
 * engine v3 writes it) and the AthenaError category and type (docs: "Athena error catalog":
 * category 1 system, 2 user; type 1000 user error, 1001 data error, 1003 DDL task failed, 0
 * resources exhausted, 200 query engine internal error, 401 results not written to S3).
 *
 * A DuckDB error becomes the Trino error name of the same fault, with DuckDB's own first line as
 * the message: the stand-in's wording is DuckDB's, only the name and codes are Athena's.
 */

export interface QueryFailure {
  readonly reason: string;
  readonly errorCategory: 1 | 2 | 3;
  readonly errorType: number;
  readonly retryable: boolean;
}

export const USER_ERROR = 1000;
export const DATA_ERROR = 1001;
export const DDL_TASK_FAILED = 1003;
export const RESULTS_NOT_WRITTEN = 401;

export function userFailure(trinoName: string, message: string, errorType: number = USER_ERROR): QueryFailure {
  return { reason: `${trinoName}: ${message}`, errorCategory: 2, errorType, retryable: false };
}

interface DuckDbErrorRule {
  readonly pattern: RegExp;
  readonly trinoName: string;
  readonly category: 1 | 2;
  readonly errorType: number;
}

/** First match wins; DuckDB prefixes each message with its error class (`Catalog Error: …`). */
const DUCKDB_ERRORS: readonly DuckDbErrorRule[] = [
  { pattern: /^Catalog Error: (Table|View) with name .* does not exist/, trinoName: 'TABLE_NOT_FOUND', category: 2, errorType: USER_ERROR },
  { pattern: /^Catalog Error: (Table|View) with name .* already exists/, trinoName: 'TABLE_ALREADY_EXISTS', category: 2, errorType: USER_ERROR },
  { pattern: /^Catalog Error: (Scalar |Aggregate |Table )?Function with name/, trinoName: 'FUNCTION_NOT_FOUND', category: 2, errorType: USER_ERROR },
  { pattern: /^Catalog Error: Schema with name|^Catalog Error: Catalog with name/, trinoName: 'SCHEMA_NOT_FOUND', category: 2, errorType: USER_ERROR },
  { pattern: /^Catalog Error/, trinoName: 'GENERIC_USER_ERROR', category: 2, errorType: USER_ERROR },
  { pattern: /^Binder Error: Referenced column|^Binder Error: Values list .* does not have a column/, trinoName: 'COLUMN_NOT_FOUND', category: 2, errorType: USER_ERROR },
  { pattern: /^Binder Error: No function matches/, trinoName: 'FUNCTION_NOT_FOUND', category: 2, errorType: USER_ERROR },
  { pattern: /^Binder Error: .*(must appear in the GROUP BY|aggregate)/i, trinoName: 'EXPRESSION_NOT_AGGREGATE', category: 2, errorType: USER_ERROR },
  { pattern: /^Binder Error/, trinoName: 'TYPE_MISMATCH', category: 2, errorType: USER_ERROR },
  { pattern: /^Parser Error/, trinoName: 'SYNTAX_ERROR', category: 2, errorType: USER_ERROR },
  { pattern: /^Conversion Error/, trinoName: 'INVALID_CAST_ARGUMENT', category: 2, errorType: DATA_ERROR },
  { pattern: /^(Invalid Input Error|Out of Range Error)/, trinoName: 'INVALID_FUNCTION_ARGUMENT', category: 2, errorType: DATA_ERROR },
  { pattern: /^Out of Memory Error/, trinoName: 'EXCEEDED_LOCAL_MEMORY_LIMIT', category: 1, errorType: 0 },
  { pattern: /^IO Error/, trinoName: 'HIVE_CANNOT_OPEN_SPLIT', category: 1, errorType: 200 },
];

/** The failure Athena would report for an error DuckDB threw while running the statement. */
export function failureOfDuckDbError(message: string, statementType: 'DDL' | 'DML'): QueryFailure {
  // The DuckDB engine wraps the message (`query duckdb-7 failed: Catalog Error: …\n  in: …`).
  const duckDbMessage = message.replace(/^query \S+ failed: /, '');
  const firstLine = duckDbMessage.split('\n')[0] as string;
  const rule = DUCKDB_ERRORS.find((candidate) => candidate.pattern.test(firstLine));
  const text = firstLine.replace(/^[A-Za-z ]+ Error: /, '');
  if (rule === undefined) return { reason: `GENERIC_INTERNAL_ERROR: ${text}`, errorCategory: 1, errorType: 200, retryable: false };
  const errorType = statementType === 'DDL' && rule.category === 2 ? DDL_TASK_FAILED : rule.errorType;
  return { reason: `${rule.trinoName}: ${text}`, errorCategory: rule.category, errorType, retryable: rule.category === 1 };
}
