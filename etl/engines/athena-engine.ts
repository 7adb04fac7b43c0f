/**
 * The AWS query engine: Athena (Trino, engine v3) over the Glue catalog, through
 * @aws-sdk/client-athena. Same interface and same typed values as the DuckDB engine
 * (query-engine.ts), so the report code runs unchanged on either.
 *
 * A query is StartQueryExecution in the workgroup and database → GetQueryExecution polled with
 * backoff until it leaves QUEUED/RUNNING → GetQueryResults page by page. Throttled calls are
 * retried with backoff; StartQueryExecution keeps one ClientRequestToken across its retries so a
 * retried start never runs the query twice. An abort signal stops the query (StopQueryExecution).
 */
import { randomUUID } from 'node:crypto';
import {
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClient,
  type QueryExecution,
} from '@aws-sdk/client-athena';
import { backoffDelay, realSleep, retryThrottled, type BackoffSettings, type RetrySettings, type Sleep } from './athena-backoff.ts';
import { athenaStatement } from './athena-parameters.ts';
import { fetchResultPages } from './athena-results.ts';
import {
  QueryError,
  type ColumnInfo,
  type QueryEngine,
  type QueryOptions,
  type QueryParams,
  type QueryResult,
  type Row,
} from './query-engine.ts';

export interface AthenaEngineOptions {
  /** Create it once per process (module scope in a Lambda); the engine never destroys it. */
  readonly client: AthenaClient;
  /** The (enforced) workgroup: it supplies the results location, encryption and the bytes-scanned cutoff. */
  readonly workGroup: string;
  /** Glue database holding the lake's tables and the views of sql/. */
  readonly database: string;
  /** @default 'AwsDataCatalog' */
  readonly catalog?: string;
  /** Results location, only for workgroups that do not enforce one. @default the workgroup's */
  readonly outputLocation?: string;
  /** Delays between GetQueryExecution polls. @default { initialMs: 250, maxMs: 5000 } */
  readonly polling?: Partial<BackoffSettings>;
  /** Retries of throttled calls. @default { maxAttempts: 6, initialMs: 500, maxMs: 10000 } */
  readonly retry?: Partial<RetrySettings>;
  /** A query still running after this long is stopped and reported. @default 1_800_000 (30 min) */
  readonly maxWaitMs?: number;
  /** @default a real timer */
  readonly sleep?: Sleep;
  /** @default Math.random */
  readonly random?: () => number;
  /** Milliseconds now, for maxWaitMs. @default Date.now */
  readonly clock?: () => number;
}

const DEFAULT_PAGE_SIZE = 1000;
const NOT_STARTED = 'athena-not-started';

export function createAthenaEngine(options: AthenaEngineOptions): QueryEngine {
  if (options.workGroup.trim() === '') throw new RangeError('Athena engine: workGroup is empty; expected the name of an Athena workgroup');
  if (options.database.trim() === '') throw new RangeError('Athena engine: database is empty; expected the Glue database of the lake');
  const { client } = options;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const clock = options.clock ?? Date.now;
  const polling: BackoffSettings = { initialMs: 250, maxMs: 5000, ...options.polling };
  const retrySettings: RetrySettings = { maxAttempts: 6, initialMs: 500, maxMs: 10_000, ...options.retry };
  const maxWaitMs = options.maxWaitMs ?? 1_800_000;
  let closed = false;

  const retrying = <T>(call: () => Promise<T>, signal?: AbortSignal) => retryThrottled(call, { settings: retrySettings, sleep, random, signal });

  /** Starts the query and waits until it has succeeded; returns its id and statement type. */
  async function run(sql: string, params: QueryParams, signal: AbortSignal | undefined): Promise<QueryExecution & { QueryExecutionId: string }> {
    if (closed) throw new QueryError('query refused: the Athena engine is closed', NOT_STARTED, sql);
    throwIfAborted(signal, NOT_STARTED, sql);
    let statement;
    try {
      statement = athenaStatement(sql, params);
    } catch (error) {
      throw new QueryError(`query not started: ${messageOf(error)}\n  in: ${sqlExcerpt(sql)}`, NOT_STARTED, sql, { cause: error });
    }
    const token = randomUUID();
    let queryId: string;
    try {
      const started = await retrying(
        () =>
          client.send(
            new StartQueryExecutionCommand({
              QueryString: statement.sql,
              ExecutionParameters: statement.executionParameters,
              QueryExecutionContext: { Database: options.database, Catalog: options.catalog ?? 'AwsDataCatalog' },
              WorkGroup: options.workGroup,
              ClientRequestToken: token,
              ...(options.outputLocation === undefined ? {} : { ResultConfiguration: { OutputLocation: options.outputLocation } }),
            }),
            { abortSignal: signal },
          ),
        signal,
      );
      if (started.QueryExecutionId === undefined) throw new Error('StartQueryExecution returned no QueryExecutionId');
      queryId = started.QueryExecutionId;
    } catch (error) {
      if (signal?.aborted) throw abortedError(NOT_STARTED, sql, signal);
      throw new QueryError(
        `Athena refused to start the query in workgroup ${options.workGroup}, database ${options.database}: ${messageOf(error)}\n  in: ${sqlExcerpt(sql)}`,
        NOT_STARTED,
        sql,
        { cause: error },
      );
    }
    return { ...(await waitForCompletion(queryId, sql, signal)), QueryExecutionId: queryId };
  }

  async function waitForCompletion(queryId: string, sql: string, signal: AbortSignal | undefined): Promise<QueryExecution> {
    const startedAt = clock();
    for (let attempt = 0; ; attempt += 1) {
      let execution: QueryExecution | undefined;
      try {
        const response = await retrying(() => client.send(new GetQueryExecutionCommand({ QueryExecutionId: queryId }), { abortSignal: signal }), signal);
        execution = response.QueryExecution;
      } catch (error) {
        if (signal?.aborted) throw await stopAfterAbort(queryId, sql, signal);
        throw new QueryError(`Athena query ${queryId}: cannot read its state: ${messageOf(error)}`, queryId, sql, { cause: error });
      }
      const status = execution?.Status;
      switch (status?.State) {
        case 'SUCCEEDED':
          return execution as QueryExecution;
        case 'FAILED': {
          const detail = status.AthenaError?.ErrorType === undefined ? '' : ` (Athena error type ${status.AthenaError.ErrorType}, category ${status.AthenaError.ErrorCategory})`;
          throw new QueryError(
            `Athena query ${queryId} failed: ${status.StateChangeReason ?? status.AthenaError?.ErrorMessage ?? 'no reason given'}${detail}\n  in: ${sqlExcerpt(sql)}`,
            queryId,
            sql,
          );
        }
        case 'CANCELLED':
          throw new QueryError(`Athena query ${queryId} was cancelled: ${status.StateChangeReason ?? 'no reason given'}\n  in: ${sqlExcerpt(sql)}`, queryId, sql);
        case 'QUEUED':
        case 'RUNNING':
          break;
        default:
          throw new QueryError(`Athena query ${queryId} is in an unknown state ${JSON.stringify(status?.State)}`, queryId, sql);
      }
      if (clock() - startedAt > maxWaitMs) {
        const stopNote = await stopQuery(queryId);
        throw new QueryError(`Athena query ${queryId} did not finish within ${maxWaitMs} ms (${stopNote})\n  in: ${sqlExcerpt(sql)}`, queryId, sql);
      }
      try {
        await sleep(backoffDelay(polling, attempt, random), signal);
      } catch (error) {
        if (signal?.aborted) throw await stopAfterAbort(queryId, sql, signal);
        throw error;
      }
    }
  }

  /** Sends StopQueryExecution and says how that went (the caller's error is the one that matters). */
  async function stopQuery(queryId: string): Promise<string> {
    try {
      await retrying(() => client.send(new StopQueryExecutionCommand({ QueryExecutionId: queryId })));
      return 'StopQueryExecution sent';
    } catch (error) {
      return `StopQueryExecution failed too: ${messageOf(error)}`;
    }
  }

  async function stopAfterAbort(queryId: string, sql: string, signal: AbortSignal): Promise<QueryError> {
    const stopNote = await stopQuery(queryId);
    return new QueryError(`query ${queryId} aborted: ${messageOf(signal.reason)} (${stopNote})`, queryId, sql, { cause: signal.reason });
  }

  async function* streamPages<R extends Row>(
    sql: string,
    params: QueryParams,
    options: QueryOptions,
    onStart: (queryId: string, columns: readonly ColumnInfo[]) => void,
  ): AsyncGenerator<R[]> {
    const pageSize = validPageSize(options.pageSize, sql);
    const execution = await run(sql, params, options.signal);
    const queryId = execution.QueryExecutionId;
    let page: R[] = [];
    const results = fetchResultPages({
      queryId,
      sql,
      // Only a SELECT (DML) result starts with a header row; SHOW/DESCRIBE results do not.
      hasHeaderRow: execution.StatementType === undefined || execution.StatementType === 'DML',
      fetchPage: (nextToken) =>
        retrying(
          () => client.send(new GetQueryResultsCommand({ QueryExecutionId: queryId, MaxResults: 1000, NextToken: nextToken }), { abortSignal: options.signal }),
          options.signal,
        ),
      onColumns: (columns) => onStart(queryId, columns),
    });
    try {
      for await (const rows of results) {
        for (const row of rows) {
          page.push(row as R);
          if (page.length === pageSize) {
            yield page;
            page = [];
          }
        }
      }
    } catch (error) {
      if (options.signal?.aborted) throw abortedError(queryId, sql, options.signal);
      throw error;
    }
    if (page.length > 0) yield page;
  }

  return {
    kind: 'athena',

    async query<R extends Row = Row>(sql: string, params: QueryParams = {}, options: QueryOptions = {}): Promise<QueryResult<R>> {
      let columns: readonly ColumnInfo[] = [];
      let queryId = NOT_STARTED;
      const rows: R[] = [];
      for await (const page of streamPages<R>(sql, params, options, (id, c) => ((queryId = id), (columns = c)))) rows.push(...page);
      return { columns, rows, queryId };
    },

    pages<R extends Row = Row>(sql: string, params: QueryParams = {}, options: QueryOptions = {}): AsyncIterable<R[]> {
      return streamPages<R>(sql, params, options, () => undefined);
    },

    async execute(sql: string, options: QueryOptions = {}): Promise<void> {
      await run(sql, {}, options.signal);
    },

    async close(): Promise<void> {
      closed = true;
    },
  };
}

function validPageSize(pageSize: number | undefined, sql: string): number {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new QueryError(`query not started: pageSize must be a whole number ≥ 1, got ${size}`, NOT_STARTED, sql);
  return size;
}

function throwIfAborted(signal: AbortSignal | undefined, queryId: string, sql: string): void {
  if (signal?.aborted) throw abortedError(queryId, sql, signal);
}

function abortedError(queryId: string, sql: string, signal: AbortSignal): QueryError {
  return new QueryError(`query ${queryId} aborted: ${messageOf(signal.reason)}`, queryId, sql, { cause: signal.reason });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The start of the statement on one line, enough to recognise it in a log. */
export function sqlExcerpt(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine;
}
