import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewFixture, type FixtureRow, type ViewFixture } from './view-fixture.ts';

/** Natural keys per docs/lake.md, and whether the dataset has the monthly year/month partition columns. */
const DATASET_KEYS: Readonly<Record<string, { readonly key: readonly string[]; readonly monthly: boolean }>> = {
  patents: { key: ['application_no'], monthly: true },
  patent_events: { key: ['event_id'], monthly: true },
  trademarks: { key: ['registration_no'], monthly: true },
  trademark_events: { key: ['event_id'], monthly: true },
  pledges: { key: ['pledge_id'], monthly: true },
  gi_products: { key: ['gi_id'], monthly: false },
  gi_output: { key: ['gi_id', 'producer_uscc', 'period'], monthly: true },
  enterprises: { key: ['uscc'], monthly: false },
  enterprise_accounts: { key: ['uscc', 'year'], monthly: false },
  industry_accounts: { key: ['admin_code', 'year', 'industry_code'], monthly: false },
  city_accounts: { key: ['admin_code', 'year'], monthly: false },
  tech_contracts: { key: ['contract_id'], monthly: true },
  programme_records: { key: ['record_id'], monthly: true },
  patent_intensive_classification: { key: ['version', 'industry_code'], monthly: false },
};

const keyValue = (column: string, variant: 'K1' | 'K2'): string | number => {
  if (column === 'year') return 2024;
  if (column === 'period') return '2024-03-01';
  return variant;
};
const keyOf = (dataset: string, variant: 'K1' | 'K2'): FixtureRow =>
  Object.fromEntries((DATASET_KEYS[dataset]?.key ?? []).map((column) => [column, keyValue(column, variant)]));

// Per dataset: K1 in file 1; K1 again in file 2 on lines 3 and 2 (the later line, 3, wins); K2 once in file 1.
const versionedRows = (dataset: string): FixtureRow[] => [
  { ...keyOf(dataset, 'K1'), _ingest_seq: 1, _source_row: 2 },
  { ...keyOf(dataset, 'K1'), _ingest_seq: 2, _source_row: 3 },
  { ...keyOf(dataset, 'K1'), _ingest_seq: 2, _source_row: 2 },
  { ...keyOf(dataset, 'K2'), _ingest_seq: 1, _source_row: 5 },
];

describe('staging views: the current version of each natural key', () => {
  let fixture: ViewFixture;
  beforeAll(async () => {
    const sources = Object.fromEntries(Object.keys(DATASET_KEYS).map((dataset) => [dataset, versionedRows(dataset)]));
    fixture = await createViewFixture(sources);
  });
  afterAll(async () => fixture.close());

  it('has a stg_ view for every dataset and for city_config', async () => {
    const views = await fixture.query("SELECT table_name FROM information_schema.tables WHERE table_type = 'VIEW' AND table_name LIKE 'stg\\_%' ESCAPE '\\' ORDER BY table_name");
    expect(views.map((row) => row.table_name)).toEqual([...Object.keys(DATASET_KEYS), 'city_config'].map((name) => `stg_${name}`).sort());
  });

  it.each(Object.keys(DATASET_KEYS))('stg_%s keeps the highest _ingest_seq, then the highest _source_row, per key', async (dataset) => {
    const key = DATASET_KEYS[dataset]?.key ?? [];
    const rows = await fixture.query(`SELECT ${key.join(', ')}, _ingest_seq, _source_row FROM stg_${dataset} ORDER BY ${key.join(', ')}`);
    expect(rows).toEqual([
      { ...keyOf(dataset, 'K1'), _ingest_seq: 2, _source_row: 3 },
      { ...keyOf(dataset, 'K2'), _ingest_seq: 1, _source_row: 5 },
    ]);
  });

  it.each(Object.keys(DATASET_KEYS))('stg_%s exposes every column of its source table except the monthly partition columns', async (dataset) => {
    const columnsOf = async (table: string): Promise<string[]> =>
      (await fixture.query(`SELECT column_name FROM information_schema.columns WHERE table_name = '${table}' ORDER BY column_name`)).map((row) => String(row.column_name));
    const partition = DATASET_KEYS[dataset]?.monthly ? ['year', 'month'] : [];
    expect(await columnsOf(`stg_${dataset}`)).toEqual((await columnsOf(dataset)).filter((column) => !partition.includes(column)));
  });
});

describe('staging views: keys are whole keys', () => {
  let fixture: ViewFixture;
  beforeAll(async () => {
    fixture = await createViewFixture({
      // two districts of 440300 reporting the same class and year are two rows (key: admin_code, year, industry_code)
      industry_accounts: [
        { city_code: '440300', admin_code: '440305', year: 2023, industry_code: '3911', value_added_cny: '100.00' },
        { city_code: '440300', admin_code: '440306', year: 2023, industry_code: '3911', value_added_cny: '200.00' },
      ],
      // the same producer and product in two months are two rows (key: gi_id, producer_uscc, period)
      gi_output: [
        { gi_id: 'GI1', producer_uscc: 'U1', period: '2024-03-01', output_value_cny: '1.00', uses_special_mark: true },
        { gi_id: 'GI1', producer_uscc: 'U1', period: '2024-04-01', output_value_cny: '2.00', uses_special_mark: true },
      ],
    });
  });
  afterAll(async () => fixture.close());

  it('keeps rows that share only part of a composite key', async () => {
    expect(await fixture.query('SELECT admin_code, value_added_cny FROM stg_industry_accounts ORDER BY admin_code')).toEqual([
      { admin_code: '440305', value_added_cny: '100.00' },
      { admin_code: '440306', value_added_cny: '200.00' },
    ]);
    expect(await fixture.query('SELECT period, output_value_cny FROM stg_gi_output ORDER BY period')).toEqual([
      { period: '2024-03-01', output_value_cny: '1.00' },
      { period: '2024-04-01', output_value_cny: '2.00' },
    ]);
  });
});
