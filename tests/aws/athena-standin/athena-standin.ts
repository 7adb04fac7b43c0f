/**
 * A local Athena for tests: an HTTP server speaking Athena's API (AWS JSON 1.1:
 * StartQueryExecution, GetQueryExecution, GetQueryResults, StopQueryExecution) that runs each
 * statement on DuckDB over a copy of the lake bucket, so the project's real AthenaEngine and the
 * AWS SDK's AthenaClient run unchanged against it with `endpoint` set. What it proves and what it
 * cannot is in docs/aws.md ("The Athena stand-in").
 *
 *   const moto = await startMotoServer({ bucket: 'ipstats-lake' });
 *   const athena = await startAthenaStandIn({ s3Endpoint: moto.endpoint, bucket: 'ipstats-lake' });
 *   const engine = createAthenaEngine({ client: new AthenaClient({ endpoint: athena.endpoint, … }), workGroup: 'ipstats', database: 'ipstats' });
 *   // A Lambda in a child process: AWS_ENDPOINT_URL_ATHENA=<athena.endpoint> (the SDK reads it).
 *   athena.failQueries({ matching: /mart_city_indicator_monthly/, reason: 'HIVE_BAD_DATA: …' });
 *   athena.throttle('StartQueryExecution', 2);   // TooManyRequestsException twice
 *   athena.pause(); … athena.resume();           // queries wait QUEUED meanwhile
 *   athena.executions();   // every query received: id, text, workgroup, database, state, reason
 *   await athena.stop();
 *
 * The catalog is the project's own: by default the CatalogStack synthesized with `bucket`
 * (project-catalog.ts); the ASL harness, which synthesizes the whole app, passes
 * `catalog: catalogOfTemplate(catalogTemplate, { resolve })` instead. Each query first syncs the
 * objects Athena would read (Glue locations, partition projection) from the S3 endpoint, so data
 * written by a Lambda a moment before is there. Queries run one at a time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDuckDbEngine } from '../../../etl/engines/duckdb-engine.ts';
import { loadTrinoFunctionList } from '../../../etl/engines/trino-function-list.ts';
import { createS3Client } from '../../../etl/lake/s3-object-store.ts';
import { startAthenaJsonServer, type AthenaOperation } from './athena-json-server.ts';
import type { StandInCatalog } from './glue-catalog.ts';
import { duckDbCatalogTables } from './glue-tables-on-duckdb.ts';
import { createLakeMirror } from './lake-mirror.ts';
import { projectCatalog } from './project-catalog.ts';
import { createQueryExecutions, type InjectedQueryFailure, type RecordedExecution } from './query-executions.ts';
import { createQueryRunner } from './query-runner.ts';

export interface AthenaStandInOptions {
  /** The S3 server (moto_server) holding the lake and the results bucket. */
  readonly s3Endpoint: string;
  /** The lake bucket, for the default catalog. Required unless `catalog` is given. */
  readonly bucket?: string;
  /** The results bucket of the default catalog's workgroup. @default bucket */
  readonly resultsBucket?: string;
  /** Glue database, tables and workgroups. @default projectCatalog({ lakeBucket: bucket, resultsBucket }) */
  readonly catalog?: StandInCatalog;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** @default moto's accepted dummy keys */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Folder for the lake copy and the DuckDB database. @default a new temporary folder, removed by stop() */
  readonly workDir?: string;
  /** DuckDB memory limit such as '1GB'. @default DuckDB's default */
  readonly memoryLimit?: string;
}

export interface AthenaStandIn {
  /** `http://127.0.0.1:<port>`: the AthenaClient's `endpoint`, or AWS_ENDPOINT_URL_ATHENA. */
  readonly endpoint: string;
  readonly catalog: StandInCatalog;
  /** Every query received so far, in order. */
  executions(): RecordedExecution[];
  /** Makes matching queries FAIL (QUEUED → RUNNING → FAILED with the reason) instead of running. */
  failQueries(fault: InjectedQueryFailure): void;
  /** Refuses the next `times` calls of an operation with TooManyRequestsException. */
  throttle(operation: AthenaOperation, times: number): void;
  /** Holds every query not yet running in QUEUED until resume() (a busy Athena; waits and timeouts). */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

export async function startAthenaStandIn(options: AthenaStandInOptions): Promise<AthenaStandIn> {
  if (options.catalog === undefined && options.bucket === undefined) throw new RangeError('startAthenaStandIn: give the lake bucket (bucket) or a catalog');
  const catalog = options.catalog ?? projectCatalog({ lakeBucket: options.bucket as string, resultsBucket: options.resultsBucket });
  // Both before anything is made that stop() would have to clean up: they throw on a catalog the stand-in cannot serve.
  const tables = duckDbCatalogTables(catalog.tables);
  const trinoFunctions = await loadTrinoFunctionList();
  const ownWorkDir = options.workDir === undefined;
  const workDir = options.workDir ?? (await mkdtemp(path.join(tmpdir(), 'ipstats-athena-standin-')));
  const s3 = createS3Client({
    endpoint: options.s3Endpoint,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? { accessKeyId: 'moto', secretAccessKey: 'moto' },
  });
  // Named after the Glue database, so `<database>.<view>` resolves in DuckDB as in Athena.
  const engine = createDuckDbEngine({ databasePath: path.join(workDir, `${catalog.database}.duckdb`), memoryLimit: options.memoryLimit });
  const executions = createQueryExecutions({
    workGroups: catalog.workGroups,
    run: createQueryRunner({
      engine,
      mirror: createLakeMirror({ client: s3, tables: catalog.tables, root: path.join(workDir, 'tables') }),
      tables,
      database: catalog.database,
      tableNames: new Set(catalog.tables.map((table) => table.Name)),
      trinoFunctions,
      s3,
    }),
  });
  const server = await startAthenaJsonServer(executions);
  return {
    endpoint: server.endpoint,
    catalog,
    executions: () => executions.recorded(),
    failQueries: (fault) => executions.injectFailure(fault),
    throttle: (operation, times) => server.throttle(operation, times),
    pause: () => executions.pause(),
    resume: () => executions.resume(),
    async stop() {
      await server.close();
      for (const execution of executions.recorded()) if (execution.state === 'QUEUED' || execution.state === 'RUNNING') executions.stop(execution.queryId);
      executions.resume();
      await executions.idle();
      await engine.close();
      s3.destroy();
      if (ownWorkDir) await rm(workDir, { recursive: true, force: true });
    },
  };
}
