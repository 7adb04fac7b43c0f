import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../etl/engines/duckdb-engine.ts';
import { registerLakeSources } from '../../../etl/engines/lake-sources.ts';
import { lakeTableFor, type LakeTable } from '../../../etl/engines/lake-tables.ts';
import type { QueryEngine } from '../../../etl/engines/query-engine.ts';
import type { CuratedColumn } from '../../../etl/schemas/dataset-spec.ts';

const column = (name: string, sqlType: CuratedColumn['sqlType']): CuratedColumn => ({ name, sqlType, labelZh: name, nullable: true });

const PLEDGES: LakeTable = lakeTableFor({
  name: 'pledges',
  curatedColumns: [column('pledge_id', 'VARCHAR'), column('registration_date', 'DATE'), column('secured_amount_cny', 'DECIMAL(18,2)')],
  partitioning: { kind: 'month', column: 'registration_date' },
});
const CITY_ACCOUNTS: LakeTable = lakeTableFor({
  name: 'city_accounts',
  curatedColumns: [column('city_code', 'VARCHAR'), column('gdp_cny', 'DECIMAL(18,2)')],
  partitioning: { kind: 'year', column: 'year' },
});
const GI_PRODUCTS: LakeTable = lakeTableFor({
  name: 'gi_products',
  curatedColumns: [column('gi_id', 'VARCHAR'), column('in_promotion_project', 'BOOLEAN')],
  partitioning: { kind: 'none' },
});

describe('registerLakeSources', () => {
  let lakeDir: string;
  let engine: QueryEngine;

  beforeAll(async () => {
    // A quote in the folder name proves the path is escaped inside the SQL string.
    lakeDir = await mkdtemp(path.join(tmpdir(), "ipstats-lake-o'brien-"));
    engine = createDuckDbEngine({ threads: 1 });
    const curated = path.join(lakeDir, 'curated');
    await mkdir(path.join(curated, 'pledges', 'year=2024', 'month=06'), { recursive: true });
    await mkdir(path.join(curated, 'pledges', 'year=2025', 'month=01'), { recursive: true });
    const lit = (p: string): string => `'${p.replaceAll("'", "''")}'`;
    // Written with types that differ from the declared ones (DOUBLE money, VARCHAR date) to prove the view casts.
    await engine.execute(`COPY (SELECT 'P1' AS pledge_id, '2024-06-03' AS registration_date, CAST(12.5 AS DOUBLE) AS secured_amount_cny,
        'sha-a' AS _source_sha256, CAST(2 AS BIGINT) AS _source_row, 1 AS _ingest_seq)
      TO ${lit(path.join(curated, 'pledges', 'year=2024', 'month=06', 'a.parquet'))} (FORMAT parquet)`);
    await engine.execute(`COPY (SELECT 'P2' AS pledge_id, DATE '2025-01-31' AS registration_date, CAST(1000000.05 AS DECIMAL(18,2)) AS secured_amount_cny,
        'sha-b' AS _source_sha256, CAST(3 AS BIGINT) AS _source_row, 2 AS _ingest_seq)
      TO ${lit(path.join(curated, 'pledges', 'year=2025', 'month=01', 'b.parquet'))} (FORMAT parquet)`);
    await mkdir(path.join(curated, 'city_accounts', 'year=2023'), { recursive: true });
    await engine.execute(`COPY (SELECT '440300' AS city_code, CAST(3460640000000.00 AS DECIMAL(18,2)) AS gdp_cny,
        'sha-c' AS _source_sha256, CAST(2 AS BIGINT) AS _source_row, 1 AS _ingest_seq)
      TO ${lit(path.join(curated, 'city_accounts', 'year=2023', 'c.parquet'))} (FORMAT parquet)`);
  });
  afterAll(async () => {
    await engine.close();
    await rm(lakeDir, { recursive: true, force: true });
  });

  it('reads monthly Hive partitions back with INTEGER year and month and the declared column types', async () => {
    const registered = await registerLakeSources(engine, { curatedDir: path.join(lakeDir, 'curated'), tables: [PLEDGES, CITY_ACCOUNTS, GI_PRODUCTS] });
    expect(registered).toEqual([
      { name: 'pledges', parquetFiles: 2, registeredAs: 'parquet-view' },
      { name: 'city_accounts', parquetFiles: 1, registeredAs: 'parquet-view' },
      { name: 'gi_products', parquetFiles: 0, registeredAs: 'empty-view' },
    ]);
    const result = await engine.query('SELECT * FROM pledges ORDER BY pledge_id');
    expect(result.columns).toEqual([
      { name: 'pledge_id', type: 'VARCHAR' },
      { name: 'registration_date', type: 'DATE' },
      { name: 'secured_amount_cny', type: 'DECIMAL(18,2)' },
      { name: '_source_sha256', type: 'VARCHAR' },
      { name: '_source_row', type: 'BIGINT' },
      { name: '_ingest_seq', type: 'INTEGER' },
      { name: 'year', type: 'INTEGER' },
      { name: 'month', type: 'INTEGER' },
    ]);
    expect(result.rows).toEqual([
      { pledge_id: 'P1', registration_date: '2024-06-03', secured_amount_cny: '12.50', _source_sha256: 'sha-a', _source_row: 2, _ingest_seq: 1, year: 2024, month: 6 },
      { pledge_id: 'P2', registration_date: '2025-01-31', secured_amount_cny: '1000000.05', _source_sha256: 'sha-b', _source_row: 3, _ingest_seq: 2, year: 2025, month: 1 },
    ]);
  });

  it('reads a yearly partition column as INTEGER', async () => {
    const result = await engine.query('SELECT city_code, year, gdp_cny FROM city_accounts');
    expect(result.rows).toEqual([{ city_code: '440300', year: 2023, gdp_cny: '3460640000000.00' }]);
    expect(result.columns.map((c) => c.type)).toEqual(['VARCHAR', 'INTEGER', 'DECIMAL(18,2)']);
  });

  it('registers a dataset without files as an empty view that binds with the same columns', async () => {
    const result = await engine.query('SELECT * FROM gi_products');
    expect(result.rows).toEqual([]);
    expect(result.columns).toEqual([
      { name: 'gi_id', type: 'VARCHAR' },
      { name: 'in_promotion_project', type: 'BOOLEAN' },
      { name: '_source_sha256', type: 'VARCHAR' },
      { name: '_source_row', type: 'BIGINT' },
      { name: '_ingest_seq', type: 'INTEGER' },
    ]);
  });

  it('registers empty tables that take inserts, and replaces them by views when files appear', async () => {
    const empty = await registerLakeSources(engine, { curatedDir: path.join(lakeDir, 'nothing-here'), tables: [PLEDGES], emptyAs: 'table' });
    expect(empty).toEqual([{ name: 'pledges', parquetFiles: 0, registeredAs: 'empty-table' }]);
    await engine.execute(`INSERT INTO pledges (pledge_id) VALUES ('X')`);
    expect((await engine.query('SELECT pledge_id, year FROM pledges')).rows).toEqual([{ pledge_id: 'X', year: null }]);
    await registerLakeSources(engine, { curatedDir: path.join(lakeDir, 'curated'), tables: [PLEDGES] });
    expect((await engine.query('SELECT count(*) AS n FROM pledges')).rows).toEqual([{ n: 2 }]);
  });

  it('reads a column added after every file was written as a typed NULL, and the values of files that have it (old lakes keep working)', async () => {
    const withPopulation = lakeTableFor({
      name: 'city_accounts',
      curatedColumns: [column('city_code', 'VARCHAR'), column('gdp_cny', 'DECIMAL(18,2)'), column('resident_population', 'INTEGER')],
      partitioning: { kind: 'year', column: 'year' },
    });
    const curated = path.join(lakeDir, 'curated');
    await registerLakeSources(engine, { curatedDir: curated, tables: [withPopulation] });
    const before = await engine.query('SELECT city_code, year, resident_population FROM city_accounts');
    expect(before.rows).toEqual([{ city_code: '440300', year: 2023, resident_population: null }]);
    expect(before.columns.map((c) => c.type)).toEqual(['VARCHAR', 'INTEGER', 'INTEGER']);

    await mkdir(path.join(curated, 'city_accounts', 'year=2024'), { recursive: true });
    const target = path.join(curated, 'city_accounts', 'year=2024', 'd.parquet').replaceAll("'", "''");
    await engine.execute(`COPY (SELECT '440300' AS city_code, CAST(3680170000000.00 AS DECIMAL(18,2)) AS gdp_cny, CAST(17990100 AS BIGINT) AS resident_population,
        'sha-d' AS _source_sha256, CAST(2 AS BIGINT) AS _source_row, 2 AS _ingest_seq) TO '${target}' (FORMAT parquet)`);
    await registerLakeSources(engine, { curatedDir: curated, tables: [withPopulation] });
    const after = await engine.query('SELECT year, resident_population FROM city_accounts ORDER BY year');
    expect(after.rows).toEqual([
      { year: 2023, resident_population: null },
      { year: 2024, resident_population: 17990100 },
    ]);
    await rm(path.join(curated, 'city_accounts', 'year=2024'), { recursive: true });
    await registerLakeSources(engine, { curatedDir: curated, tables: [CITY_ACCOUNTS] });
  });

  it('refuses a table whose partition column is also stored', async () => {
    const clash = lakeTableFor({ name: 'city_accounts', curatedColumns: [column('year', 'INTEGER')], partitioning: { kind: 'year', column: 'year' } });
    await expect(registerLakeSources(engine, { curatedDir: lakeDir, tables: [clash] })).rejects.toThrow(
      /lake table city_accounts declares column "year" twice/,
    );
    expect((await engine.query('SELECT city_code FROM city_accounts')).rows).toEqual([{ city_code: '440300' }]);
  });
});
