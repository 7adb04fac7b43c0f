/**
 * The query seam: DuckDB locally, Athena in AWS. Both run the same SQL files (sql/).
 *
 * Parameters are named, written `:name` in the SQL text, and bound by the engine
 * (DuckDB prepared statements; Athena ExecutionParameters, which are positional, so the
 * Athena engine rewrites `:name` to `?` in order). Never interpolate values into SQL.
 *
 * Values come back typed the same way from both engines:
 *   VARCHAR → string · BOOLEAN → boolean · integer types → number (RangeError beyond 2^53)
 *   DECIMAL → string with the column's scale ("1234.50"), exact · DOUBLE/REAL → number
 *   DATE → "YYYY-MM-DD" · TIMESTAMP → ISO-8601 string · NULL → null
 */
export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;
export type QueryParams = Readonly<Record<string, string | number | boolean | null>>;

export interface ColumnInfo {
  readonly name: string;
  /** The engine's type name, upper-case, e.g. `VARCHAR`, `DECIMAL(18,2)`, `DATE`. */
  readonly type: string;
}

export interface QueryResult<R extends Row = Row> {
  readonly columns: readonly ColumnInfo[];
  readonly rows: R[];
  /** Engine-side id for messages and audit (Athena QueryExecutionId; a counter on DuckDB). */
  readonly queryId: string;
}

export interface QueryOptions {
  /** Rows per page for `pages`. @default 1000 */
  readonly pageSize?: number;
  /** Abort the query when this signal fires. */
  readonly signal?: AbortSignal;
}

export interface QueryEngine {
  readonly kind: 'duckdb' | 'athena';
  /** Runs a query and returns every row (all pages). */
  query<R extends Row = Row>(sql: string, params?: QueryParams, options?: QueryOptions): Promise<QueryResult<R>>;
  /** Runs a query and yields its rows page by page, for results too large to hold. */
  pages<R extends Row = Row>(sql: string, params?: QueryParams, options?: QueryOptions): AsyncIterable<R[]>;
  /** Runs a statement that returns no rows (DDL such as CREATE OR REPLACE VIEW). */
  execute(sql: string, options?: QueryOptions): Promise<void>;
  close(): Promise<void>;
}

/** A query that the engine rejected or that failed while running; keeps the engine's error as `cause`. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly queryId: string,
    readonly sql: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'QueryError';
  }
}
