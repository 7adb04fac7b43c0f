/**
 * The Athena stand-in (tests/aws/athena-standin/) under the project's real AthenaEngine and the
 * AWS SDK's AthenaClient, over the e2e fixture ingested into a moto_server bucket: paging beyond
 * 1000 rows, Athena's types and text, DDL, failures as Athena reports them (the engine's error
 * names the query id and the reason), the queue and StopQueryExecution, throttling, the objects
 * partition projection reads; and end to end, the refresh-views handler creating every view of
 * sql/ through it, after which every mart reads the same rows as the local DuckDB engine.
 */
import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type QueryExecution,
} from '@aws-sdk/client-athena';
import { CopyObjectCommand, CreateBucketCommand, DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../etl/cli/logger.ts';
import { loadCityConfig } from '../../etl/config/city-config.ts';
import { createAthenaEngine } from '../../etl/engines/athena-engine.ts';
import { createDuckDbEngine } from '../../etl/engines/duckdb-engine.ts';
import type { QueryEngine, Row } from '../../etl/engines/query-engine.ts';
import { S3ObjectStore } from '../../etl/lake/s3-object-store.ts';
import { writeCityConfigTable } from '../../etl/pipeline/city-config-table.ts';
import { ingestInputFolder } from '../../etl/pipeline/ingest-input-folder.ts';
import { openLakeEngine } from '../../etl/pipeline/lake-engine.ts';
import { CITY_DATASET_ROWS_SQL, GI_OUTPUT_MONTHLY_SQL, GI_USERS_SQL, INDICATOR_SERIES_SQL, TRANSFER_FLOWS_SQL } from '../../etl/reports/report-queries.ts';
import { startMotoServer, type RunningMoto } from '../support/moto-server.ts';
import { tempDir } from '../support/temp-dir.ts';
import { synthIpstats } from '../infra/support/synth-ipstats.ts';
import { startAthenaStandIn, type AthenaStandIn } from './athena-standin/athena-standin.ts';
import { catalogOfTemplate, type CloudFormationTemplate } from './athena-standin/catalog-of-template.ts';

const LAKE_BUCKET = 'ipstats-lake-standin';
const RESULTS_BUCKET = 'ipstats-athena-results-standin';
const FIXTURE = path.resolve('tests/fixtures/e2e');
const SILENT: Logger = { info: () => undefined, warn: () => undefined, progress: () => undefined };
const MARTS = readdirSync(path.resolve('sql/marts')).map((file) => file.replace(/\.sql$/, '')).sort();
const FAST_POLLING = { initialMs: 5, maxMs: 20 };
/** 0..n-1 from the cross product of four digit tables: portable, and no function DuckDB and Trino spell apart. */
const NUMBERS_BELOW = (n: number) =>
  `WITH digits AS (SELECT d FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS t(d))
   SELECT CAST(a.d * 1000 + b.d * 100 + c.d * 10 + e.d AS INTEGER) AS n
   FROM digits a CROSS JOIN digits b CROSS JOIN digits c CROSS JOIN digits e
   WHERE a.d * 1000 + b.d * 100 + c.d * 10 + e.d < ${n}
   ORDER BY n`;

let moto: RunningMoto;
let athena: AthenaStandIn;
let client: AthenaClient;
let engine: QueryEngine;
let lake: S3ObjectStore;
let work: string;

async function describeQuery(queryId: string): Promise<QueryExecution> {
  return (await client.send(new GetQueryExecutionCommand({ QueryExecutionId: queryId }))).QueryExecution!;
}

async function startedQuery(sql: string): Promise<string> {
  return (await client.send(new StartQueryExecutionCommand({ QueryString: sql, WorkGroup: 'ipstats', QueryExecutionContext: { Database: 'ipstats' } }))).QueryExecutionId!;
}

async function finished(queryId: string): Promise<QueryExecution> {
  for (;;) {
    const execution = await describeQuery(queryId);
    if (!['QUEUED', 'RUNNING'].includes(execution.Status!.State!)) return execution;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeAll(async () => {
  work = await tempDir('athena-standin');
  moto = await startMotoServer({ bucket: LAKE_BUCKET });
  await moto.client.send(new CreateBucketCommand({ Bucket: RESULTS_BUCKET }));
  lake = new S3ObjectStore({ client: moto.client, bucket: LAKE_BUCKET });
  await ingestInputFolder({ store: lake, inputDir: path.join(FIXTURE, 'input'), logger: SILENT, now: () => new Date('2025-07-05T02:00:00Z') });
  await writeCityConfigTable(lake, await loadCityConfig(path.join(FIXTURE, 'cities.json')));
  athena = await startAthenaStandIn({ s3Endpoint: moto.endpoint, bucket: LAKE_BUCKET, resultsBucket: RESULTS_BUCKET, workDir: path.join(work, 'standin') });
  client = new AthenaClient({ endpoint: athena.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  engine = createAthenaEngine({ client, workGroup: 'ipstats', database: 'ipstats', polling: FAST_POLLING, retry: { initialMs: 5, maxMs: 20 } });
  // moto's start-up and the ingestion share the machine with the rest of the suite.
}, 120_000);

afterAll(async () => {
  await engine?.close();
  client?.destroy();
  await athena?.stop();
  await moto?.stop();
});

describe('the refresh-views handler through the stand-in, against the local DuckDB engine on the same lake', () => {
  let local: QueryEngine;
  let views: readonly string[];

  beforeAll(async () => {
    Object.assign(process.env, {
      IPSTATS_ATHENA_WORKGROUP: 'ipstats',
      IPSTATS_ATHENA_DATABASE: 'ipstats',
      // The SDK's service-specific endpoint variable: the handler's AthenaClient({}) is left as deployed.
      AWS_ENDPOINT_URL_ATHENA: athena.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    const { handler } = await import('../../functions/refresh-views/handler.ts');
    ({ views } = await handler({}));
    local = await openLakeEngine(lake, path.join(work, 'local-cache'));
  }, 120_000);
  afterAll(async () => {
    await local?.close();
  });

  it('creates every view of sql/ as a DDL statement that SUCCEEDED in the ipstats workgroup and database', async () => {
    const sqlFiles = (await Promise.all(['staging', 'intermediate', 'marts'].map((layer) => readdir(path.resolve('sql', layer))))).flat();
    expect([...views].sort()).toEqual(sqlFiles.map((file) => file.replace(/\.sql$/, '')).sort());
    const created = athena.executions().filter((execution) => /^CREATE OR REPLACE VIEW/.test(execution.query));
    expect(created.map((execution) => `${execution.state} ${execution.workGroup}/${execution.database}`)).toEqual(views.map(() => 'SUCCEEDED ipstats/ipstats'));
    expect(await describeQuery(created[0]!.queryId)).toMatchObject({ StatementType: 'DDL', SubstatementType: 'CREATE_VIEW' });
  });

  it.each(MARTS)('%s reads the same rows, column names and types on the stand-in as on the local DuckDB engine', async (mart) => {
    const sql = `SELECT * FROM ${mart}`;
    const [viaAthena, viaDuckDb] = await Promise.all([engine.query(sql), local.query(sql)]);
    const sorted = (rows: readonly Row[]) => rows.map((row) => JSON.stringify(row)).sort();
    expect(sorted(viaAthena.rows)).toEqual(sorted(viaDuckDb.rows));
    expect(viaAthena.columns).toEqual(viaDuckDb.columns);
  });

  it('has data in the marts the report reads (so the comparisons above compare figures, not empty sets)', async () => {
    for (const mart of ['mart_city_indicator_monthly', 'mart_city_transfer_flows_monthly', 'mart_city_gi_output_monthly', 'mart_city_dataset_rows_monthly']) {
      expect((await local.query(`SELECT count(*) AS n FROM ${mart}`)).rows[0]!['n'], mart).toBeGreaterThan(0);
    }
  });

  it.each([
    ['indicator series', INDICATOR_SERIES_SQL],
    ['transfer flows', TRANSFER_FLOWS_SQL],
    ['GI output', GI_OUTPUT_MONTHLY_SQL],
    ['GI users', GI_USERS_SQL],
    ['dataset rows', CITY_DATASET_ROWS_SQL],
  ])("the report's %s query (parameters bound by each engine) gives Shenzhen the same figures on both", async (_, sql) => {
    const params = { city: '440300', from: '2023-01-01', to: '2025-06-01' };
    const viaAthena = await engine.query(sql, params);
    expect(viaAthena.rows.length).toBeGreaterThan(0);
    expect(viaAthena.rows).toEqual((await local.query(sql, params)).rows);
  });
});

describe('result sets', () => {
  it('pages a result of 2,500 rows through GetQueryResults (MaxResults 1000, header row on the first page only)', async () => {
    const result = await engine.query<{ n: number }>(NUMBERS_BELOW(2500));
    expect(result.rows.length).toBe(2500);
    expect(result.rows.map((row) => row.n)).toEqual(Array.from({ length: 2500 }, (_, index) => index));
    const pages = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new GetQueryResultsCommand({ QueryExecutionId: result.queryId, MaxResults: 1000, NextToken: nextToken }));
      pages.push(page.ResultSet!.Rows!.map((row) => row.Data![0]!.VarCharValue));
      nextToken = page.NextToken;
    } while (nextToken !== undefined);
    expect(pages.map((page) => page.length)).toEqual([1000, 1000, 501]);
    expect([pages[0]![0], pages[0]![1], pages[1]![0], pages[2]![500]]).toEqual(['n', '0', '999', '2499']);
  });

  it('refuses MaxResults above 1000 and a NextToken of another query', async () => {
    const { queryId } = await engine.query('SELECT 1 AS one');
    await expect(client.send(new GetQueryResultsCommand({ QueryExecutionId: queryId, MaxResults: 1001 }))).rejects.toMatchObject({
      name: 'InvalidRequestException',
      message: expect.stringContaining("Value '1001' at 'maxResults'"),
    });
    const paged = await engine.query(NUMBERS_BELOW(1500));
    const { NextToken } = await client.send(new GetQueryResultsCommand({ QueryExecutionId: paged.queryId }));
    await expect(client.send(new GetQueryResultsCommand({ QueryExecutionId: queryId, NextToken }))).rejects.toMatchObject({ name: 'InvalidRequestException' });
  });

  it("types each column with Athena's names, precision and scale, and spells values as Trino does", async () => {
    const sql = `SELECT CAST('深圳' AS VARCHAR) AS v, CAST(7 AS BIGINT) AS b, CAST(7 AS INTEGER) AS i, CAST(1.5 AS DOUBLE) AS d,
      CAST(10000000 AS DOUBLE) AS big_d, CAST(12.5 AS DECIMAL(18,2)) AS m, DATE '2025-06-01' AS dt,
      TIMESTAMP '2025-06-01 12:00:00.12' AS ts, true AS bo, CAST(NULL AS VARCHAR) AS nothing, count(*) AS counted`;
    const { queryId, rows, columns } = await engine.query(sql);
    const page = await client.send(new GetQueryResultsCommand({ QueryExecutionId: queryId }));
    const info = page.ResultSet!.ResultSetMetadata!.ColumnInfo!;
    expect(info.map((column) => `${column.Name} ${column.Type}(${column.Precision},${column.Scale})`)).toEqual([
      'v varchar(2147483647,0)',
      'b bigint(19,0)',
      'i integer(10,0)',
      'd double(17,0)',
      'big_d double(17,0)',
      'm decimal(18,2)',
      'dt date(0,0)',
      'ts timestamp(3,0)',
      'bo boolean(0,0)',
      'nothing varchar(2147483647,0)',
      'counted bigint(19,0)',
    ]);
    expect(page.ResultSet!.Rows![1]!.Data).toEqual([
      { VarCharValue: '深圳' },
      { VarCharValue: '7' },
      { VarCharValue: '7' },
      { VarCharValue: '1.5' },
      { VarCharValue: '1.0E7' },
      { VarCharValue: '12.50' },
      { VarCharValue: '2025-06-01' },
      { VarCharValue: '2025-06-01 12:00:00.120' },
      { VarCharValue: 'true' },
      {},
      { VarCharValue: '1' },
    ]);
    // Through the engine: the same values and types as the local DuckDB engine gives.
    const duckdb = createDuckDbEngine();
    try {
      const expected = await duckdb.query(sql);
      expect(rows).toEqual(expected.rows);
      expect(columns.map((column) => column.type)).toEqual(expected.columns.map((column) => column.type));
    } finally {
      await duckdb.close();
    }
  });
});

describe('statements', () => {
  it('runs DDL: a view created through the engine is a DDL execution with a .txt result file, and reads back', async () => {
    await engine.execute('CREATE OR REPLACE VIEW standin_probe AS SELECT year, count(*) AS events FROM patent_events GROUP BY year');
    const created = athena.executions().at(-1)!;
    const execution = await describeQuery(created.queryId);
    expect(execution).toMatchObject({ StatementType: 'DDL', SubstatementType: 'CREATE_VIEW', Status: { State: 'SUCCEEDED' }, WorkGroup: 'ipstats' });
    expect(execution.ResultConfiguration!.OutputLocation).toBe(`s3://${RESULTS_BUCKET}/athena/${created.queryId}.txt`);
    await moto.client.send(new HeadObjectCommand({ Bucket: RESULTS_BUCKET, Key: `athena/${created.queryId}.txt` }));
    const counted = await engine.query<{ total: number }>('SELECT CAST(sum(events) AS BIGINT) AS total FROM standin_probe');
    expect(counted.rows[0]!.total).toBeGreaterThan(0);
    expect(counted.rows).toEqual((await engine.query('SELECT count(*) AS total FROM patent_events')).rows);
  });

  it('writes a query result as Athena does: <id>.csv in the workgroup results location', async () => {
    const { queryId } = await engine.query(`SELECT 'a"b' AS text, CAST(NULL AS INTEGER) AS nothing`);
    expect((await describeQuery(queryId)).ResultConfiguration!.OutputLocation).toBe(`s3://${RESULTS_BUCKET}/athena/${queryId}.csv`);
    const results = new S3ObjectStore({ client: moto.client, bucket: RESULTS_BUCKET });
    expect(await results.getText(`athena/${queryId}.csv`)).toBe('"text","nothing"\n"a""b",\n');
  });

  it.each([
    ['a column that does not exist', 'SELECT no_such_column FROM patents', /^COLUMN_NOT_FOUND: /],
    ['a table that does not exist', 'SELECT * FROM no_such_table', /^TABLE_NOT_FOUND: /],
    ['a DuckDB-only cast', 'SELECT 1::integer AS one', /^SYNTAX_ERROR: line 1:9: /],
    ['a function Trino does not have (DuckDB has it)', "SELECT strftime(DATE '2025-06-01', '%Y') AS y", /^FUNCTION_NOT_FOUND: line 1:8: Function 'strftime' not registered$/],
    ['two statements', 'SELECT 1; SELECT 2', /^SYNTAX_ERROR: Only one sql statement is allowed$/],
    ['a statement the stand-in does not run', 'CREATE TABLE standin_copy AS SELECT 1 AS x', /^NOT_SUPPORTED: the Athena stand-in runs SELECT/],
  ])('fails %s as Athena does: FAILED with the reason, and the engine error names the query id and the reason', async (_, sql, reason) => {
    const error = await engine.query(sql).then(
      () => undefined,
      (caught: unknown) => caught as Error & { queryId: string },
    );
    expect(error?.name).toBe('QueryError');
    const execution = await describeQuery(error!.queryId);
    expect(execution.Status!.State).toBe('FAILED');
    expect(execution.Status!.StateChangeReason).toMatch(reason);
    expect(execution.Status!.AthenaError).toMatchObject({ ErrorCategory: 2, Retryable: false });
    expect(error!.message).toContain(`Athena query ${error!.queryId} failed: ${execution.Status!.StateChangeReason}`);
    await expect(client.send(new GetQueryResultsCommand({ QueryExecutionId: error!.queryId }))).rejects.toMatchObject({ name: 'InvalidRequestException' });
  });

  it('fails an injected fault through the same lifecycle, with its type and category in the engine error', async () => {
    athena.failQueries({ matching: /mart_city_indicator_monthly/, reason: 'HIVE_BAD_DATA: Error reading file', errorCategory: 2, errorType: 1001 });
    await expect(engine.query('SELECT count(*) AS n FROM mart_city_indicator_monthly')).rejects.toThrow(
      /^Athena query [0-9a-f-]{36} failed: HIVE_BAD_DATA: Error reading file \(Athena error type 1001, category 2\)/,
    );
    // Once only (times defaults to 1).
    expect((await engine.query('SELECT count(*) AS n FROM mart_city_indicator_monthly')).rows).toHaveLength(1);
  });

  it('binds ExecutionParameters in place of each ? (strings quoted, numbers bare), as Athena does', async () => {
    const { rows } = await engine.query('SELECT :city AS city, :year AS year, :ratio AS ratio, :missing AS missing', { city: "44'03", year: 2025, ratio: 0.5, missing: null });
    expect(rows).toEqual([{ city: "44'03", year: 2025, ratio: 0.5, missing: null }]);
    const mismatched = await startedQueryWithParameters('SELECT ? AS a, ? AS b', ["'x'"]);
    expect((await finished(mismatched)).Status!.StateChangeReason).toBe('INVALID_PARAMETER_USAGE: Incorrect number of parameters: expected 2 but found 1');
  });
});

async function startedQueryWithParameters(sql: string, parameters: string[]): Promise<string> {
  return (
    await client.send(new StartQueryExecutionCommand({ QueryString: sql, ExecutionParameters: parameters, WorkGroup: 'ipstats', QueryExecutionContext: { Database: 'ipstats' } }))
  ).QueryExecutionId!;
}

describe('the API around executions', () => {
  it('keeps a query QUEUED while Athena is busy, stops it (CANCELLED), and the engine aborts with StopQueryExecution', async () => {
    athena.pause();
    try {
      const queued = await startedQuery('SELECT 1 AS one');
      expect((await describeQuery(queued)).Status!.State).toBe('QUEUED');
      await client.send(new StopQueryExecutionCommand({ QueryExecutionId: queued }));
      expect((await describeQuery(queued)).Status).toMatchObject({ State: 'CANCELLED' });
      const abort = new AbortController();
      const pending = engine.query('SELECT 2 AS two', {}, { signal: abort.signal });
      await new Promise((resolve) => setTimeout(resolve, 50));
      abort.abort(new Error('the caller gave up'));
      await expect(pending).rejects.toThrow(/aborted: the caller gave up \(StopQueryExecution sent\)/);
      expect(athena.executions().at(-1)).toMatchObject({ query: 'SELECT 2 AS two', state: 'CANCELLED' });
    } finally {
      athena.resume();
    }
  });

  it('answers a query that waited QUEUED once Athena is free again', async () => {
    athena.pause();
    const pending = engine.query('SELECT 3 AS three');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(athena.executions().at(-1)).toMatchObject({ query: 'SELECT 3 AS three', state: 'QUEUED' });
    athena.resume();
    expect((await pending).rows).toEqual([{ three: 3 }]);
  });

  it('gives the same query id for a repeated ClientRequestToken (a retried start never runs twice)', async () => {
    const start = () =>
      client.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 4 AS four', ClientRequestToken: 'standin-token-000000000000000000001', WorkGroup: 'ipstats', QueryExecutionContext: { Database: 'ipstats' } }));
    const [first, second] = [await start(), await start()];
    expect(second.QueryExecutionId).toBe(first.QueryExecutionId);
    expect(athena.executions().filter((execution) => execution.query === 'SELECT 4 AS four')).toHaveLength(1);
  });

  it('survives throttling: TooManyRequestsException on StartQueryExecution is retried and the query runs once', async () => {
    const before = athena.executions().length;
    athena.throttle('StartQueryExecution', 2);
    expect((await engine.query('SELECT 5 AS five')).rows).toEqual([{ five: 5 }]);
    expect(athena.executions().length).toBe(before + 1);
  });

  it('refuses a start in an unknown workgroup, and a query in an unknown database fails', async () => {
    const elsewhere = createAthenaEngine({ client, workGroup: 'nope', database: 'ipstats', polling: FAST_POLLING });
    await expect(elsewhere.query('SELECT 1 AS one')).rejects.toThrow(/Athena refused to start the query in workgroup nope, database ipstats: WorkGroup nope is not found\./);
    const otherDatabase = createAthenaEngine({ client, workGroup: 'ipstats', database: 'other', polling: FAST_POLLING });
    await expect(otherDatabase.query('SELECT 1 AS one')).rejects.toThrow(/failed: SCHEMA_NOT_FOUND: Schema 'other' does not exist/);
  });
});

describe('the objects Athena reads (partition projection), synced before each query', () => {
  const copies: string[] = [];
  afterAll(async () => {
    for (const key of copies) await moto.client.send(new DeleteObjectCommand({ Bucket: LAKE_BUCKET, Key: key }));
  });

  async function copyEventsFileTo(key: string): Promise<void> {
    const source = (await lake.list('curated/patent_events/')).find((object) => object.key.endsWith('.parquet'))!;
    await moto.client.send(new CopyObjectCommand({ Bucket: LAKE_BUCKET, Key: key, CopySource: `${LAKE_BUCKET}/${source.key}` }));
    copies.push(key);
  }

  it('reads a file that lands under a projected month, and ignores one under month=6 (not zero-padded), a hidden name or a year beyond the range', async () => {
    const count = async () => (await engine.query<{ n: number }>('SELECT count(*) AS n FROM patent_events')).rows[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await copyEventsFileTo('curated/patent_events/year=2099/month=6/copy.parquet');
    await copyEventsFileTo('curated/patent_events/year=2099/month=11/_copy.parquet');
    await copyEventsFileTo('curated/patent_events/year=1970/month=01/copy.parquet');
    expect(await count()).toBe(before);
    await copyEventsFileTo('curated/patent_events/year=2099/month=12/copy.parquet');
    expect(await count()).toBeGreaterThan(before);
    const projected = await engine.query('SELECT DISTINCT year, month FROM patent_events WHERE year = 2099');
    expect(projected.rows).toEqual([{ year: 2099, month: 12 }]);
  });
});

describe('the catalog', () => {
  it("is read from the deployable app's catalog template as the ASL harness passes it (pseudo parameters resolved)", () => {
    const { templates } = synthIpstats();
    const deployed = catalogOfTemplate(templates.catalog.toJSON() as CloudFormationTemplate, { accountId: '123456789012', region: 'cn-northwest-1', partition: 'aws-cn' });
    expect(deployed.database).toBe('ipstats');
    expect(deployed.tables.map((table) => table.Name).sort()).toEqual(athena.catalog.tables.map((table) => table.Name).sort());
    const patents = deployed.tables.find((table) => table.Name === 'patents')!;
    expect(patents.StorageDescriptor.Location).toBe('s3://ipstats-lake-123456789012-cn-northwest-1/curated/patents/');
    expect(patents.Parameters!['storage.location.template']).toBe('s3://ipstats-lake-123456789012-cn-northwest-1/curated/patents/year=${year}/month=${month}/');
    expect(deployed.workGroups).toEqual([
      { Name: 'ipstats', OutputLocation: 's3://ipstats-athena-results-123456789012-cn-northwest-1/athena/', EnforceWorkGroupConfiguration: true },
    ]);
  });
});
