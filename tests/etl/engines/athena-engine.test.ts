/**
 * The Athena engine against aws-sdk-client-mock, with responses shaped like Athena's real ones
 * (API reference: StartQueryExecution, GetQueryExecution, GetQueryResults): a header row first,
 * NULL as a datum without VarCharValue, NextToken paging, FAILED with StateChangeReason and
 * AthenaError, CANCELLED by the workgroup's bytes-scanned cutoff, TooManyRequestsException.
 */
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  TooManyRequestsException,
  type ColumnInfo,
  type GetQueryResultsCommandOutput,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAthenaEngine, type AthenaEngineOptions } from '../../../etl/engines/athena-engine.ts';
import { QueryError } from '../../../etl/engines/query-engine.ts';

const QUERY_ID = 'c0c5a7b4-1f2e-4d3c-9b8a-7f6e5d4c3b2a';
const athena = mockClient(AthenaClient);
let sleeps: number[];

function engine(overrides: Partial<AthenaEngineOptions> = {}) {
  return createAthenaEngine({
    client: new AthenaClient({ region: 'cn-northwest-1' }),
    workGroup: 'ipstats',
    database: 'ipstats_lake',
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
}

function column(name: string, type: string, precision = 0, scale = 0): ColumnInfo {
  return { CatalogName: 'hive', SchemaName: '', TableName: '', Name: name, Label: name, Type: type, Precision: precision, Scale: scale, Nullable: 'UNKNOWN', CaseSensitive: type === 'varchar' };
}

function resultPage(columns: ColumnInfo[], rows: (string | null)[][], nextToken?: string): GetQueryResultsCommandOutput {
  return {
    $metadata: {},
    UpdateCount: 0,
    NextToken: nextToken,
    ResultSet: {
      ResultSetMetadata: { ColumnInfo: columns },
      Rows: rows.map((values) => ({ Data: values.map((value) => (value === null ? {} : { VarCharValue: value })) })),
    },
  };
}

function execution(state: string, extra: Record<string, unknown> = {}) {
  return {
    QueryExecution: {
      QueryExecutionId: QUERY_ID,
      StatementType: 'DML' as const,
      WorkGroup: 'ipstats',
      Status: { State: state as 'RUNNING', SubmissionDateTime: new Date('2025-07-05T02:00:00Z'), ...extra },
    },
  };
}

beforeEach(() => {
  athena.reset();
  sleeps = [];
  athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
});
afterEach(() => athena.reset());

describe('createAthenaEngine: starting a query', () => {
  it('starts in the workgroup and database, with :name parameters as ? and quoted literals in order', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves(resultPage([column('n', 'bigint')], [['n'], ['3']]));
    await engine().query('select count(*) as n from stg_patents where city_code = :city and year = :year and admin_code <> :city and ok = :flag and x is :none', {
      city: "44'0300",
      year: 2024,
      flag: true,
      none: null,
    });
    const [call] = athena.commandCalls(StartQueryExecutionCommand);
    expect(call!.args[0].input).toEqual({
      QueryString: 'select count(*) as n from stg_patents where city_code = ? and year = ? and admin_code <> ? and ok = ? and x is ?',
      ExecutionParameters: ["'44''0300'", '2024', "'44''0300'", 'true', 'NULL'],
      QueryExecutionContext: { Database: 'ipstats_lake', Catalog: 'AwsDataCatalog' },
      WorkGroup: 'ipstats',
      ClientRequestToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('sends no ExecutionParameters for a query without parameters, and non-integers as DOUBLE literals', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves(resultPage([column('x', 'double')], [['x'], ['2.5']]));
    await engine().query('select 1 as x');
    await engine().query('select :r as x', { r: 2.5 });
    const [plain, withDouble] = athena.commandCalls(StartQueryExecutionCommand);
    expect(plain!.args[0].input.ExecutionParameters).toBeUndefined();
    expect(withDouble!.args[0].input.ExecutionParameters).toEqual(["DOUBLE '2.5'"]);
  });

  it('refuses a query whose parameter was not given, naming it, without calling Athena', async () => {
    await expect(engine().query('select :city as c', {})).rejects.toThrow(/query not started: missing value for parameter :city; given: none/);
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
  });

  it('reports a query Athena refuses to start with the workgroup and the SQL', async () => {
    athena.on(StartQueryExecutionCommand).rejects(Object.assign(new Error('line 1:8: mismatched input'), { name: 'InvalidRequestException' }));
    await expect(engine().query('selec 1')).rejects.toThrow(/Athena refused to start the query in workgroup ipstats, database ipstats_lake: line 1:8: mismatched input\n  in: selec 1/);
  });
});

describe('createAthenaEngine: waiting', () => {
  it('polls QUEUED → RUNNING → SUCCEEDED with growing, jittered delays', async () => {
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce(execution('QUEUED'))
      .resolvesOnce(execution('RUNNING'))
      .resolvesOnce(execution('RUNNING'))
      .resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves(resultPage([column('n', 'integer')], [['n'], ['1']]));
    const result = await engine({ polling: { initialMs: 200, maxMs: 600 } }).query('select 1 as n');
    expect(result.queryId).toBe(QUERY_ID);
    // equal jitter with random() = 0.5: base/2 + 0.5 × base/2 = 0.75 × base; bases 200, 400, 600 (capped)
    expect(sleeps).toEqual([150, 300, 450]);
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(4);
  });

  it('fails with the query id, the StateChangeReason and the Athena error type when the query FAILED', async () => {
    athena.on(GetQueryExecutionCommand).resolves(
      execution('FAILED', {
        StateChangeReason: "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved or requester is not authorized to access requested resources",
        AthenaError: { ErrorCategory: 2, ErrorType: 1006, Retryable: false, ErrorMessage: "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved" },
      }),
    );
    const failure = engine().query('select nope from stg_patents');
    await expect(failure).rejects.toThrow(
      new RegExp(`^Athena query ${QUERY_ID} failed: COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved .*\\(Athena error type 1006, category 2\\)\\n  in: select nope from stg_patents$`),
    );
    await expect(failure).rejects.toMatchObject({ name: 'QueryError', queryId: QUERY_ID, sql: 'select nope from stg_patents' });
  });

  it('fails with the query id and reason when the query was CANCELLED (bytes-scanned cutoff)', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('CANCELLED', { StateChangeReason: 'Query cancelled: Bytes scanned limit was exceeded' }));
    await expect(engine().execute('select * from patents')).rejects.toThrow(
      `Athena query ${QUERY_ID} was cancelled: Query cancelled: Bytes scanned limit was exceeded\n  in: select * from patents`,
    );
  });

  it('retries throttled calls with backoff, reusing the ClientRequestToken, then succeeds', async () => {
    const throttled = () => new TooManyRequestsException({ $metadata: {}, message: 'Rate exceeded', Reason: 'CONCURRENT_QUERY_LIMIT_EXCEEDED' });
    athena.on(StartQueryExecutionCommand).rejectsOnce(throttled()).rejectsOnce(throttled()).resolves({ QueryExecutionId: QUERY_ID });
    athena
      .on(GetQueryExecutionCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves(resultPage([column('n', 'integer')], [['n'], ['7']]));
    const result = await engine({ retry: { initialMs: 100, maxMs: 1000, maxAttempts: 4 } }).query('select 7 as n');
    expect(result.rows).toEqual([{ n: 7 }]);
    const tokens = athena.commandCalls(StartQueryExecutionCommand).map((call) => call.args[0].input.ClientRequestToken);
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(1);
    expect(sleeps).toEqual([75, 150, 75]);
  });

  it('gives up after maxAttempts throttled calls, keeping the throttling error as cause', async () => {
    athena.on(StartQueryExecutionCommand).rejects(new TooManyRequestsException({ $metadata: {}, message: 'Rate exceeded' }));
    const failure = engine({ retry: { maxAttempts: 3 } }).query('select 1');
    await expect(failure).rejects.toThrow(/Athena refused to start the query in workgroup ipstats, database ipstats_lake: Rate exceeded/);
    await expect(failure).rejects.toMatchObject({ cause: { name: 'TooManyRequestsException' } });
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(3);
  });

  it('stops the query with StopQueryExecution when the signal fires while it runs', async () => {
    const controller = new AbortController();
    athena.on(GetQueryExecutionCommand).resolves(execution('RUNNING'));
    athena.on(StopQueryExecutionCommand).resolves({});
    const aborting = engine({
      sleep: async () => {
        controller.abort(new Error('Lambda is about to time out'));
        throw controller.signal.reason;
      },
    }).query('select 1', {}, { signal: controller.signal });
    await expect(aborting).rejects.toThrow(`query ${QUERY_ID} aborted: Lambda is about to time out (StopQueryExecution sent)`);
    expect(athena.commandCalls(StopQueryExecutionCommand).map((call) => call.args[0].input)).toEqual([{ QueryExecutionId: QUERY_ID }]);
  });

  it('stops and reports a query still running after maxWaitMs', async () => {
    let now = 0;
    athena.on(GetQueryExecutionCommand).resolves(execution('RUNNING'));
    athena.on(StopQueryExecutionCommand).resolves({});
    const slow = engine({ maxWaitMs: 1000, clock: () => now, sleep: async (ms) => void (now += ms) });
    await expect(slow.query('select 1')).rejects.toThrow(`Athena query ${QUERY_ID} did not finish within 1000 ms (StopQueryExecution sent)`);
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(1);
  });
});

describe('createAthenaEngine: results', () => {
  const columns = [
    column('city_code', 'varchar', 2147483647),
    column('month', 'date'),
    column('amount_cny', 'decimal', 18, 2),
    column('events', 'bigint', 19),
    column('is_sme', 'boolean'),
    column('share', 'double', 17),
    column('loaded_at', 'timestamp', 3),
  ];

  it('skips the header row, pages with NextToken and types every value like DuckDB does', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    athena
      .on(GetQueryResultsCommand)
      .resolvesOnce(
        resultPage(
          columns,
          [
            ['city_code', 'month', 'amount_cny', 'events', 'is_sme', 'share', 'loaded_at'],
            ['440300', '2024-06-01', '1234.5', '12', 'true', '0.25', '2025-07-05 10:00:00.000'],
          ],
          'token-page-2',
        ),
      )
      .resolvesOnce(resultPage(columns, [['110000', '2024-07-01', '-0.00', '9007199254740991', 'false', '1.0E-4', '2025-07-05 10:00:01.120']], 'token-page-3'))
      .resolvesOnce(resultPage(columns, [['', null, null, null, null, null, null]]));
    const result = await engine().query('select * from mart_x');
    expect(result.columns).toEqual([
      { name: 'city_code', type: 'VARCHAR' },
      { name: 'month', type: 'DATE' },
      { name: 'amount_cny', type: 'DECIMAL(18,2)' },
      { name: 'events', type: 'BIGINT' },
      { name: 'is_sme', type: 'BOOLEAN' },
      { name: 'share', type: 'DOUBLE' },
      { name: 'loaded_at', type: 'TIMESTAMP' },
    ]);
    expect(result.rows).toEqual([
      { city_code: '440300', month: '2024-06-01', amount_cny: '1234.50', events: 12, is_sme: true, share: 0.25, loaded_at: '2025-07-05T10:00:00' },
      { city_code: '110000', month: '2024-07-01', amount_cny: '0.00', events: 9007199254740991, is_sme: false, share: 0.0001, loaded_at: '2025-07-05T10:00:01.12' },
      { city_code: '', month: null, amount_cny: null, events: null, is_sme: null, share: null, loaded_at: null },
    ]);
    const tokens = athena.commandCalls(GetQueryResultsCommand).map((call) => call.args[0].input.NextToken);
    expect(tokens).toEqual([undefined, 'token-page-2', 'token-page-3']);
  });

  it('yields pages of exactly pageSize rows whatever Athena sends per call', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    const n = [column('n', 'integer')];
    athena
      .on(GetQueryResultsCommand)
      .resolvesOnce(resultPage(n, [['n'], ['1'], ['2'], ['3']], 't2'))
      .resolvesOnce(resultPage(n, [['4'], ['5']]));
    const pages: unknown[] = [];
    for await (const page of engine().pages('select n', {}, { pageSize: 2 })) pages.push(page);
    expect(pages).toEqual([[{ n: 1 }, { n: 2 }], [{ n: 3 }, { n: 4 }], [{ n: 5 }]]);
  });

  it('throws a RangeError naming the query for a BIGINT beyond 2^53', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves(resultPage([column('big', 'bigint')], [['big'], ['9007199254740993']]));
    const failure = engine().query('select big');
    await expect(failure).rejects.toThrow(RangeError);
    await expect(failure).rejects.toThrow(`query ${QUERY_ID}: column "big" holds 9007199254740993, beyond the exact range of a JavaScript number`);
  });

  it('refuses a column type it cannot return, as the DuckDB engine does', async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves(resultPage([column('codes', 'array')], [['codes'], ['[1, 2]']]));
    await expect(engine().query('select codes')).rejects.toThrow(`Athena query ${QUERY_ID}: column "codes" has type array, which the query engine cannot return`);
  });

  it('execute runs DDL without reading results', async () => {
    athena.on(GetQueryExecutionCommand).resolves({ QueryExecution: { ...execution('SUCCEEDED').QueryExecution, StatementType: 'DDL' } });
    await engine().execute('CREATE OR REPLACE VIEW v AS SELECT 1 AS x');
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]!.args[0].input.QueryString).toBe('CREATE OR REPLACE VIEW v AS SELECT 1 AS x');
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it('refuses queries once closed', async () => {
    const closed = engine();
    await closed.close();
    await expect(closed.query('select 1')).rejects.toThrow(QueryError);
    await expect(closed.query('select 1')).rejects.toThrow('query refused: the Athena engine is closed');
  });
});
