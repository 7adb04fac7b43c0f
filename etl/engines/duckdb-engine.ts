/**
 * The local query engine: DuckDB in process (@duckdb/node-api). Every call gets its own
 * connection to the one database, so a caller may run queries while paging through another
 * result (a new query on a connection would cut off its streaming result) and calls can run
 * concurrently. Connections are cheap (~0.1 ms).
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBResult } from '@duckdb/node-api';
import { bindingFor, converterFor, type ValueConverter } from './duckdb-values.ts';
import { assertParametersGiven, rewriteNamedParameters } from './named-parameters.ts';
import { compatMacrosSql } from './trino-compat-macros.ts';
import {
  QueryError,
  type ColumnInfo,
  type QueryEngine,
  type QueryOptions,
  type QueryParams,
  type QueryResult,
  type Row,
} from './query-engine.ts';

export interface DuckDbEngineOptions {
  /** Database file; tables and views created in it outlive the process. @default ':memory:' */
  readonly databasePath?: string;
  /** Worker threads. @default DuckDB's default (the number of cores) */
  readonly threads?: number;
  /** DuckDB memory limit such as `'512MB'` or `'2GB'`. @default DuckDB's default (80% of RAM) */
  readonly memoryLimit?: string;
}

const DEFAULT_PAGE_SIZE = 1000;
const MEMORY_LIMIT_PATTERN = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** Opens nothing until the first call, so creating an engine is synchronous and free. */
export function createDuckDbEngine(options: DuckDbEngineOptions = {}): QueryEngine {
  const config = instanceConfig(options);
  const databasePath = options.databasePath ?? ':memory:';
  let instance: Promise<DuckDBInstance> | undefined;
  let closed = false;
  let queryCounter = 0;
  const openConnections = new Set<DuckDBConnection>();

  async function connect(queryId: string, sql: string): Promise<DuckDBConnection> {
    if (closed) throw new QueryError(`query ${queryId} refused: the DuckDB engine is closed`, queryId, sql);
    instance ??= openInstance(databasePath, config);
    try {
      const connection = await (await instance).connect();
      openConnections.add(connection);
      return connection;
    } catch (error) {
      throw new QueryError(`query ${queryId}: cannot open DuckDB database ${databasePath}: ${messageOf(error)}`, queryId, sql, {
        cause: error,
      });
    }
  }

  function disconnect(connection: DuckDBConnection): void {
    if (openConnections.delete(connection)) connection.disconnectSync();
  }

  function nextQueryId(): string {
    queryCounter += 1;
    return `duckdb-${queryCounter}`;
  }

  async function* streamPages<R extends Row>(
    queryId: string,
    sql: string,
    params: QueryParams,
    options: QueryOptions,
    onColumns: (columns: readonly ColumnInfo[]) => void,
  ): AsyncGenerator<R[]> {
    const pageSize = validPageSize(options.pageSize, queryId, sql);
    const connection = await connect(queryId, sql);
    const stopOnAbort = (): void => connection.interrupt();
    options.signal?.addEventListener('abort', stopOnAbort);
    try {
      throwIfAborted(options.signal, queryId, sql);
      const result = await startStream(connection, sql, params, queryId, options.signal);
      const columns = describeColumns(result);
      const converters = columns.map((column, index) => converterOrQueryError(result, index, column.name, queryId, sql));
      onColumns(columns);
      let page: R[] = [];
      for (;;) {
        const chunk = await fetchChunk(result, queryId, sql, options.signal);
        if (chunk === null || chunk.rowCount === 0) break;
        for (const values of chunk.getRows()) {
          page.push(rowFrom(values, columns, converters, queryId) as R);
          if (page.length === pageSize) {
            yield page;
            page = [];
          }
        }
      }
      if (page.length > 0) yield page;
    } finally {
      options.signal?.removeEventListener('abort', stopOnAbort);
      disconnect(connection);
    }
  }

  return {
    kind: 'duckdb',

    async query<R extends Row = Row>(sql: string, params: QueryParams = {}, options: QueryOptions = {}): Promise<QueryResult<R>> {
      let columns: readonly ColumnInfo[] = [];
      const rows: R[] = [];
      const queryId = nextQueryId();
      const pages = streamPages<R>(queryId, sql, params, options, (c) => (columns = c));
      for await (const page of pages) rows.push(...page);
      return { columns, rows, queryId };
    },

    pages<R extends Row = Row>(sql: string, params: QueryParams = {}, options: QueryOptions = {}): AsyncIterable<R[]> {
      return streamPages<R>(nextQueryId(), sql, params, options, () => undefined);
    },

    async execute(sql: string, options: QueryOptions = {}): Promise<void> {
      const queryId = nextQueryId();
      const connection = await connect(queryId, sql);
      const stopOnAbort = (): void => connection.interrupt();
      options.signal?.addEventListener('abort', stopOnAbort);
      try {
        throwIfAborted(options.signal, queryId, sql);
        await connection.run(sql);
      } catch (error) {
        throw failure(queryId, sql, error, options.signal);
      } finally {
        options.signal?.removeEventListener('abort', stopOnAbort);
        disconnect(connection);
      }
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const connection of openConnections) disconnect(connection);
      if (instance !== undefined) (await instance.catch(() => undefined))?.closeSync();
    },
  };
}

/** The database, with the macros that give DuckDB the Trino functions it lacks (trino-compat-macros.ts). */
async function openInstance(databasePath: string, config: Record<string, string>): Promise<DuckDBInstance> {
  const instance = await DuckDBInstance.create(databasePath, config);
  const connection = await instance.connect();
  try {
    await connection.run(compatMacrosSql());
  } finally {
    connection.disconnectSync();
  }
  return instance;
}

async function startStream(
  connection: DuckDBConnection,
  sql: string,
  params: QueryParams,
  queryId: string,
  signal: AbortSignal | undefined,
): Promise<DuckDBResult> {
  try {
    const rewritten = rewriteNamedParameters(sql, (name) => `$${name}`);
    assertParametersGiven(rewritten.names, params);
    const binding = bindingFor(rewritten.names, params);
    return rewritten.names.length === 0
      ? await connection.stream(rewritten.sql)
      : await connection.stream(rewritten.sql, binding.values, binding.types);
  } catch (error) {
    throw failure(queryId, sql, error, signal);
  }
}

async function fetchChunk(result: DuckDBResult, queryId: string, sql: string, signal: AbortSignal | undefined) {
  try {
    throwIfAborted(signal, queryId, sql);
    return await result.fetchChunk();
  } catch (error) {
    throw failure(queryId, sql, error, signal);
  }
}

function describeColumns(result: DuckDBResult): ColumnInfo[] {
  // Deduplicated (`a`, `a_1`) so that `SELECT x AS a, y AS a` cannot lose a value in a row object.
  const names = result.deduplicatedColumnNames();
  return names.map((name, index) => ({ name, type: result.columnType(index).toString().toUpperCase() }));
}

function converterOrQueryError(result: DuckDBResult, index: number, name: string, queryId: string, sql: string): ValueConverter {
  try {
    return converterFor(result.columnType(index), name);
  } catch (error) {
    throw failure(queryId, sql, error);
  }
}

function rowFrom(
  values: readonly unknown[],
  columns: readonly ColumnInfo[],
  converters: readonly ValueConverter[],
  queryId: string,
): Row {
  const row: Row = {};
  for (let index = 0; index < columns.length; index += 1) {
    const value = values[index];
    const name = (columns[index] as ColumnInfo).name;
    try {
      row[name] = value === null || value === undefined ? null : (converters[index] as ValueConverter)(value as never, name);
    } catch (error) {
      // Stays a RangeError (the documented contract for integers beyond 2^53), now naming the query.
      if (error instanceof RangeError) throw new RangeError(`query ${queryId}: ${error.message}`, { cause: error });
      throw error;
    }
  }
  return row;
}

function instanceConfig(options: DuckDbEngineOptions): Record<string, string> {
  const config: Record<string, string> = {};
  if (options.threads !== undefined) {
    if (!Number.isInteger(options.threads) || options.threads < 1) {
      throw new RangeError(`DuckDB threads must be a whole number ≥ 1, got ${options.threads}`);
    }
    config['threads'] = String(options.threads);
  }
  if (options.memoryLimit !== undefined) {
    if (!MEMORY_LIMIT_PATTERN.test(options.memoryLimit)) {
      throw new RangeError(`DuckDB memoryLimit must look like '512MB' or '2GB', got '${options.memoryLimit}'`);
    }
    config['memory_limit'] = options.memoryLimit;
  }
  return config;
}

function validPageSize(pageSize: number | undefined, queryId: string, sql: string): number {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1) {
    throw new QueryError(`query ${queryId}: pageSize must be a whole number ≥ 1, got ${size}`, queryId, sql);
  }
  return size;
}

function throwIfAborted(signal: AbortSignal | undefined, queryId: string, sql: string): void {
  if (signal?.aborted) {
    throw new QueryError(`query ${queryId} aborted: ${messageOf(signal.reason)}`, queryId, sql, { cause: signal.reason });
  }
}

/** Wraps an engine error; an interrupt caused by the caller's signal is reported as the abort it is. */
function failure(queryId: string, sql: string, error: unknown, signal?: AbortSignal): QueryError {
  if (error instanceof QueryError) return error;
  if (signal?.aborted) {
    return new QueryError(`query ${queryId} aborted: ${messageOf(signal.reason)}`, queryId, sql, { cause: signal.reason });
  }
  return new QueryError(`query ${queryId} failed: ${messageOf(error)}\n  in: ${sqlExcerpt(sql)}`, queryId, sql, { cause: error });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The start of the statement on one line, enough to recognise it in a log. */
function sqlExcerpt(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine;
}
