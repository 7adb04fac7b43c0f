import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES, type CuratedColumn } from '../../../etl/schemas/dataset-spec.ts';
import { sqlFixture, type SqlFixture } from '../../support/sql-fixture.ts';

const column = (name: string, sqlType: CuratedColumn['sqlType']): CuratedColumn => ({ name, sqlType, labelZh: name, nullable: true });

const DATASETS = [
  {
    name: 'pledges' as const,
    curatedColumns: [column('pledge_id', 'VARCHAR'), column('registration_date', 'DATE'), column('secured_amount_cny', 'DECIMAL(18,2)'), column('pledgor_is_sme', 'BOOLEAN')],
    partitioning: { kind: 'month' as const, column: 'registration_date' },
  },
];

describe('sqlFixture', () => {
  let sqlDir: string;
  let db: SqlFixture;

  beforeAll(async () => {
    sqlDir = await mkdtemp(path.join(tmpdir(), 'ipstats-sql-'));
    await mkdir(path.join(sqlDir, 'staging'));
    await mkdir(path.join(sqlDir, 'marts'));
    await writeFile(path.join(sqlDir, 'staging', 'stg_pledges.sql'), '-- Grain: one row per pledge_id.\nselect * from pledges;\n');
    await writeFile(
      path.join(sqlDir, 'marts', 'mart_pledges_monthly.sql'),
      '-- Grain: one row per year and month.\nselect year, month, sum(secured_amount_cny) as amount_cny from stg_pledges group by year, month\n',
    );
    db = await sqlFixture({ sqlDir, datasets: DATASETS });
  });
  afterAll(async () => {
    await db.close();
    await rm(sqlDir, { recursive: true, force: true });
  });

  it('inserts partial rows with NULLs, lineage defaults, derived partitions and exact money', async () => {
    await db.insert('pledges', [
      { pledge_id: 'P1', registration_date: '2024-06-03', secured_amount_cny: '12.50' },
      { pledge_id: 'P2', registration_date: '2024-06-30', secured_amount_cny: '0.05', pledgor_is_sme: true, _ingest_seq: 2 },
    ]);
    expect(await db.rows('select * from pledges order by pledge_id')).toEqual([
      { pledge_id: 'P1', registration_date: '2024-06-03', secured_amount_cny: '12.50', pledgor_is_sme: null, _source_sha256: 'fixture', _source_row: 2, _ingest_seq: 1, year: 2024, month: 6 },
      { pledge_id: 'P2', registration_date: '2024-06-30', secured_amount_cny: '0.05', pledgor_is_sme: true, _source_sha256: 'fixture', _source_row: 3, _ingest_seq: 2, year: 2024, month: 6 },
    ]);
  });

  it('creates the views of its sql folder in dependency order and queries them', async () => {
    const views = await db.createViews();
    expect(views.map((v) => v.name)).toEqual(['stg_pledges', 'mart_pledges_monthly']);
    expect(await db.rows('select * from mart_pledges_monthly')).toEqual([{ year: 2024, month: 6, amount_cny: '12.55' }]);
  });

  it('has an empty city_config table', async () => {
    await db.insert('city_config', [{ city_code: '440300', city_name: '深圳市', programme_start_year: 2024, base_year: 2023 }]);
    expect(await db.rows('select * from city_config')).toEqual([{ city_code: '440300', city_name: '深圳市', programme_start_year: 2024, base_year: 2023 }]);
  });

  it('names an unknown column and an unknown table', async () => {
    await expect(db.insert('pledges', [{ pledge_idd: 'P9' }])).rejects.toThrow(/insert into pledges, row 0: unknown column pledge_idd; columns: pledge_id,/);
    await expect(db.insert('pledge', [])).rejects.toThrow(/no lake table pledge; tables: pledges, city_config/);
  });
});

describe('sqlFixture with the project datasets', () => {
  it('registers every dataset of DATASETS and city_config as empty tables with lineage and partition columns', async () => {
    const db = await sqlFixture();
    try {
      expect(db.tables.map((t) => t.name)).toEqual([...DATASET_NAMES, 'city_config']);
      const columns = await db.rows<{ column_name: string; data_type: string }>(
        `select column_name, data_type from information_schema.columns where table_name = 'patent_events' and column_name in
           ('contract_amount_cny', 'effective_date', '_source_row', '_ingest_seq', 'year', 'month') order by ordinal_position`,
      );
      expect(columns).toEqual([
        { column_name: 'effective_date', data_type: 'DATE' },
        { column_name: 'contract_amount_cny', data_type: 'DECIMAL(18,2)' },
        { column_name: '_source_row', data_type: 'BIGINT' },
        { column_name: '_ingest_seq', data_type: 'INTEGER' },
        { column_name: 'year', data_type: 'INTEGER' },
        { column_name: 'month', data_type: 'INTEGER' },
      ]);
      const tableTypes = await db.rows<{ n: number }>(
        "select cast(count(*) as integer) as n from information_schema.tables where table_type = 'BASE TABLE'",
      );
      // The datasets, city_config and manifests (the commit record the staging views filter by).
      expect(tableTypes).toEqual([{ n: DATASET_NAMES.length + 2 }]);
    } finally {
      await db.close();
    }
  });
});
