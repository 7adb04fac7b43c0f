/**
 * The stand-in's query executions and the API semantics around them: StartQueryExecution
 * (workgroup, results location, ClientRequestToken idempotency), the lifecycle QUEUED → RUNNING →
 * SUCCEEDED / FAILED / CANCELLED (one query runs at a time, the others wait QUEUED, so a poller
 * sees both states), GetQueryExecution in Athena's QueryExecution shape, GetQueryResults once
 * SUCCEEDED, StopQueryExecution. Injected faults (fail a matching query) go through the same
 * lifecycle, so a test's failure looks exactly like Athena's.
 */
import { randomUUID } from 'node:crypto';
import type { GetQueryResultsOutput, QueryExecution, StartQueryExecutionInput } from '@aws-sdk/client-athena';
import { invalidRequest } from './athena-api-error.ts';
import { PRIMARY_WORKGROUP, type AthenaWorkGroup } from './glue-catalog.ts';
import type { QueryFailure } from './query-failure.ts';
import type { QueryRunner, RunOutcome } from './query-runner.ts';
import { resultPage, ResultPageError, type StoredResult } from './result-pages.ts';
import { resultFileUrl } from './results-output.ts';
import { statementKind } from './statement-kind.ts';

const ENGINE_VERSION = 'Athena engine version 3';
const QUERY_ID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;

export type QueryState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** A fault to inject: the next `times` queries whose text matches FAIL with this reason instead of running. */
export interface InjectedQueryFailure {
  readonly matching: RegExp;
  /** @default 'GENERIC_INTERNAL_ERROR: injected by the Athena stand-in' */
  readonly reason?: string;
  /** @default 1 (SYSTEM) */
  readonly errorCategory?: 1 | 2 | 3;
  /** @default 200 (query engine internal error) */
  readonly errorType?: number;
  /** @default 1; Infinity for every matching query */
  readonly times?: number;
}

/** What a test can read back about a query the stand-in received. */
export interface RecordedExecution {
  readonly queryId: string;
  readonly query: string;
  readonly workGroup: string;
  readonly database: string;
  readonly state: QueryState;
  readonly stateChangeReason?: string;
}

interface Execution {
  readonly id: string;
  readonly input: StartQueryExecutionInput;
  readonly workGroup: string;
  readonly statementType: 'DDL' | 'DML' | 'UTILITY';
  readonly substatementType: string;
  readonly resultFile: string;
  readonly submittedAt: Date;
  readonly abort: AbortController;
  state: QueryState;
  startedAt?: Date;
  completedAt?: Date;
  failure?: QueryFailure;
  result?: StoredResult;
}

export interface QueryExecutions {
  start(input: StartQueryExecutionInput): { QueryExecutionId: string };
  describe(queryId: string | undefined): QueryExecution;
  results(queryId: string | undefined, maxResults: number | undefined, nextToken: string | undefined): GetQueryResultsOutput;
  stop(queryId: string | undefined): void;
  injectFailure(fault: InjectedQueryFailure): void;
  /** Queries started while paused stay QUEUED until resume(), as behind a busy Athena. */
  pause(): void;
  resume(): void;
  recorded(): RecordedExecution[];
  /** Resolves when every started query has finished. */
  idle(): Promise<void>;
}

export function createQueryExecutions(options: { readonly workGroups: readonly AthenaWorkGroup[]; readonly run: QueryRunner }): QueryExecutions {
  const workGroups = new Map([PRIMARY_WORKGROUP, ...options.workGroups].map((group) => [group.Name, group]));
  const executions = new Map<string, Execution>();
  const byToken = new Map<string, string>();
  const faults: { fault: InjectedQueryFailure; left: number }[] = [];
  let queue: Promise<void> = Promise.resolve();
  let paused: { readonly released: Promise<void>; readonly release: () => void } | undefined;

  function find(queryId: string | undefined): Execution {
    if (queryId === undefined || !QUERY_ID.test(queryId)) throw invalidRequest(`QueryExecutionId ${JSON.stringify(queryId ?? '')} is not a valid query execution id`);
    const execution = executions.get(queryId);
    if (execution === undefined) throw invalidRequest(`QueryExecution ${queryId} was not found`);
    return execution;
  }

  function injectedFailure(query: string): QueryFailure | undefined {
    const match = faults.find((entry) => entry.left > 0 && entry.fault.matching.test(query));
    if (match === undefined) return undefined;
    match.left -= 1;
    const { reason, errorCategory, errorType } = match.fault;
    return { reason: reason ?? 'GENERIC_INTERNAL_ERROR: injected by the Athena stand-in', errorCategory: errorCategory ?? 1, errorType: errorType ?? 200, retryable: false };
  }

  async function runQueued(execution: Execution): Promise<void> {
    while (paused !== undefined && execution.state === 'QUEUED') await paused.released;
    if (execution.state !== 'QUEUED') return;
    execution.state = 'RUNNING';
    execution.startedAt = new Date();
    const injected = injectedFailure(execution.input.QueryString ?? '');
    const outcome = injected !== undefined
      ? { failure: injected }
      : await runStatement(execution);
    execution.completedAt = new Date();
    // A stopped query stays CANCELLED whatever DuckDB made of the interrupt.
    if (execution.state !== 'RUNNING') return;
    if ('failure' in outcome) {
      execution.state = 'FAILED';
      execution.failure = outcome.failure;
    } else {
      execution.state = 'SUCCEEDED';
      execution.result = outcome.result;
    }
  }

  /** The runner reports failures as outcomes; anything it throws is the stand-in's own bug, reported as a system error. */
  async function runStatement(execution: Execution): Promise<RunOutcome> {
    try {
      return await options.run(
          {
            queryId: execution.id,
            query: execution.input.QueryString ?? '',
            executionParameters: execution.input.ExecutionParameters ?? [],
            catalog: execution.input.QueryExecutionContext?.Catalog ?? 'AwsDataCatalog',
            database: execution.input.QueryExecutionContext?.Database ?? 'default',
            resultFile: execution.resultFile,
          },
          execution.abort.signal,
        );
    } catch (error) {
      return { failure: { reason: `GENERIC_INTERNAL_ERROR: the Athena stand-in failed: ${(error as Error).message}`, errorCategory: 1, errorType: 200, retryable: false } };
    }
  }

  return {
    start(input) {
      const query = input.QueryString ?? '';
      if (query.length < 1 || query.length > 262_144) throw invalidRequest('QueryString must be between 1 and 262144 characters long');
      const workGroupName = input.WorkGroup ?? PRIMARY_WORKGROUP.Name;
      const workGroup = workGroups.get(workGroupName);
      if (workGroup === undefined) throw invalidRequest(`WorkGroup ${workGroupName} is not found.`);
      if (input.ClientRequestToken !== undefined) {
        const earlier = byToken.get(input.ClientRequestToken);
        if (earlier !== undefined) {
          if (executions.get(earlier)?.input.QueryString !== query) throw invalidRequest('Idempotent parameters do not match');
          return { QueryExecutionId: earlier };
        }
      }
      const outputLocation = workGroup.EnforceWorkGroupConfiguration === true ? workGroup.OutputLocation : (input.ResultConfiguration?.OutputLocation ?? workGroup.OutputLocation);
      if (outputLocation === undefined) {
        throw invalidRequest('No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');
      }
      const kind = statementKind(query);
      const id = randomUUID();
      const execution: Execution = {
        id,
        input,
        workGroup: workGroupName,
        statementType: kind.statementType,
        substatementType: kind.substatementType,
        resultFile: resultFileUrl(outputLocation, id, kind.statementType),
        submittedAt: new Date(),
        abort: new AbortController(),
        state: 'QUEUED',
      };
      executions.set(id, execution);
      if (input.ClientRequestToken !== undefined) byToken.set(input.ClientRequestToken, id);
      queue = queue.then(() => runQueued(execution));
      return { QueryExecutionId: id };
    },

    describe(queryId) {
      const execution = find(queryId);
      const { input } = execution;
      const millis = (from?: Date, to?: Date) => (from === undefined || to === undefined ? undefined : to.getTime() - from.getTime());
      return {
        QueryExecutionId: execution.id,
        Query: input.QueryString,
        StatementType: execution.statementType,
        SubstatementType: execution.substatementType,
        ResultConfiguration: { OutputLocation: execution.resultFile },
        QueryExecutionContext: { Database: input.QueryExecutionContext?.Database, Catalog: input.QueryExecutionContext?.Catalog ?? 'AwsDataCatalog' },
        ...(input.ExecutionParameters === undefined ? {} : { ExecutionParameters: input.ExecutionParameters }),
        Status: {
          State: execution.state,
          SubmissionDateTime: execution.submittedAt,
          ...(execution.completedAt === undefined ? {} : { CompletionDateTime: execution.completedAt }),
          ...(execution.failure === undefined
            ? execution.state === 'CANCELLED' ? { StateChangeReason: 'Query cancelled by user' } : {}
            : {
                StateChangeReason: execution.failure.reason,
                AthenaError: {
                  ErrorCategory: execution.failure.errorCategory,
                  ErrorType: execution.failure.errorType,
                  Retryable: execution.failure.retryable,
                  ErrorMessage: execution.failure.reason,
                },
              }),
        },
        Statistics: {
          QueryQueueTimeInMillis: millis(execution.submittedAt, execution.startedAt ?? new Date()),
          EngineExecutionTimeInMillis: millis(execution.startedAt, execution.completedAt),
          TotalExecutionTimeInMillis: millis(execution.submittedAt, execution.completedAt),
        },
        WorkGroup: execution.workGroup,
        EngineVersion: { SelectedEngineVersion: ENGINE_VERSION, EffectiveEngineVersion: ENGINE_VERSION },
      };
    },

    results(queryId, maxResults, nextToken) {
      const execution = find(queryId);
      if (execution.state === 'QUEUED' || execution.state === 'RUNNING') throw invalidRequest(`Query has not yet finished. Current state: ${execution.state}`);
      if (execution.state !== 'SUCCEEDED') {
        throw invalidRequest(`Query did not finish successfully. Final query state: ${execution.state}${execution.failure === undefined ? '' : `\n${execution.failure.reason}`}`);
      }
      try {
        return resultPage(execution.id, execution.result ?? { columns: [], rows: [], headerRow: false }, maxResults, nextToken);
      } catch (error) {
        if (error instanceof ResultPageError) throw invalidRequest(error.message);
        throw error;
      }
    },

    stop(queryId) {
      const execution = find(queryId);
      if (execution.state !== 'QUEUED' && execution.state !== 'RUNNING') return;
      execution.state = 'CANCELLED';
      execution.completedAt = new Date();
      execution.abort.abort(new Error('StopQueryExecution'));
    },

    injectFailure(fault) {
      faults.push({ fault, left: fault.times ?? 1 });
    },

    pause() {
      if (paused !== undefined) return;
      let release = (): void => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      paused = { released, release };
    },

    resume() {
      const gate = paused;
      paused = undefined;
      gate?.release();
    },

    recorded() {
      return [...executions.values()].map((execution) => ({
        queryId: execution.id,
        query: execution.input.QueryString ?? '',
        workGroup: execution.workGroup,
        database: execution.input.QueryExecutionContext?.Database ?? 'default',
        state: execution.state,
        ...(execution.failure === undefined ? {} : { stateChangeReason: execution.failure.reason }),
      }));
    },

    async idle() {
      let seen: Promise<void> | undefined;
      while (seen !== queue) {
        seen = queue;
        await queue;
      }
    },
  };
}
