/**
 * The `refresh-views` handler with Athena answered by DuckDB (duckdb-backed-athena.ts): every
 * view of sql/ is created, dependencies first, in the configured workgroup and database, and a
 * second run sends the same statements (CREATE OR REPLACE: idempotent).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AthenaClient } from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../etl/engines/duckdb-engine.ts';
import { registerLakeSources } from '../../etl/engines/lake-sources.ts';
import { registerManifestsSource } from '../../etl/engines/manifests-source.ts';
import { CITY_CONFIG_TABLE, lakeTableFor } from '../../etl/engines/lake-tables.ts';
import type { QueryEngine } from '../../etl/engines/query-engine.ts';
import { createViewSql, loadViewCatalog } from '../../etl/engines/view-catalog.ts';
import { DATASETS } from '../../etl/schemas/index.ts';
import { tempDir } from '../support/temp-dir.ts';
import { duckDbBackedAthena, type DuckDbBackedAthena } from './support/duckdb-backed-athena.ts';

const SQL_DIR = path.resolve('sql');
type Handler = (typeof import('../../functions/refresh-views/handler.ts'))['handler'];

describe('functions/refresh-views', () => {
  const athena = mockClient(AthenaClient);
  let duckdb: QueryEngine;
  let fake: DuckDbBackedAthena;
  let handler: Handler;

  beforeAll(async () => {
    const curatedDir = path.join(await tempDir('fn-views'), 'curated');
    await mkdir(curatedDir);
    duckdb = createDuckDbEngine();
    await registerLakeSources(duckdb, { curatedDir, tables: [...Object.values(DATASETS).map(lakeTableFor), CITY_CONFIG_TABLE] });
    // The Glue table `manifests` (the commit rule the staging views read).
    await registerManifestsSource(duckdb, { manifestsDir: path.join(curatedDir, '..', 'manifests') });
    fake = duckDbBackedAthena(athena, duckdb);
    Object.assign(process.env, { IPSTATS_ATHENA_WORKGROUP: 'ipstats', IPSTATS_ATHENA_DATABASE: 'ipstats_lake', AWS_REGION: 'cn-northwest-1', POWERTOOLS_LOG_LEVEL: 'SILENT' });
    ({ handler } = await import('../../functions/refresh-views/handler.ts'));
  });
  afterAll(async () => {
    athena.restore();
    await duckdb?.close();
  });

  it('creates every view of sql/ on Athena, dependencies first, in the workgroup and database', async () => {
    const catalog = await loadViewCatalog(SQL_DIR);
    const response = await handler({});
    expect(response.views).toEqual(catalog.map((view) => view.name));
    expect(response.views.indexOf('stg_patent_events')).toBeLessThan(response.views.indexOf('int_transfer_flows'));
    expect(fake.statements).toEqual(catalog.map(createViewSql));
    expect(new Set(fake.contexts.map((c) => `${c.workGroup}/${c.database}`))).toEqual(new Set(['ipstats/ipstats_lake']));
    // The views work: a mart reads through the whole chain.
    expect((await duckdb.query('select count(*) as n from mart_city_indicator_monthly')).rows).toEqual([{ n: 0 }]);
  });

  it('is idempotent: a second run replaces each view with the same definition', async () => {
    const first = [...fake.statements];
    await handler({ 'detail-type': 'Scheduled Event' });
    expect(fake.statements.slice(first.length)).toEqual(first);
  });
});
