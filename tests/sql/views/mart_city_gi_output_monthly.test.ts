import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewFixture, type FixtureRow, type ViewFixture } from './view-fixture.ts';

// Configured: 440300 and 110000. 310000 is not configured.
const cityConfig: FixtureRow[] = [
  { city_code: '440300', city_name: '深圳市', programme_start_year: 2024, base_year: 2023 },
  { city_code: '110000', city_name: '北京市', programme_start_year: 2023, base_year: 2022 },
];

const product = (row: FixtureRow): FixtureRow => ({ protection_type: 'product', approval_date: '2010-01-01', ...row });
const giProducts: FixtureRow[] = [
  product({ gi_id: 'GI1', name: '南山荔枝', city_code: '440300', admin_code: '440305', in_promotion_project: true }),
  product({ gi_id: 'GI2', name: '深圳茶', city_code: '440300', admin_code: '440307', in_promotion_project: false }),
  product({ gi_id: 'GI3', name: '上海某产品', city_code: '310000', in_promotion_project: true }),
  // GI4 corrected by a later file: now in the promotion project
  product({ gi_id: 'GI4', name: '京西稻', city_code: '110000', in_promotion_project: true, _ingest_seq: 2 }),
  product({ gi_id: 'GI4', name: '京西稻', city_code: '110000', in_promotion_project: false, _ingest_seq: 1 }),
];

const output = (row: FixtureRow): FixtureRow => ({ producer_name: '使用人', city_code: '440300', uses_special_mark: true, ...row });
const giOutput: FixtureRow[] = [
  output({ gi_id: 'GI1', producer_uscc: 'U30', period: '2024-03-01', output_value_cny: '100000.00' }),
  // producer registered in another city (440400): still the GI product's city, 440300
  output({ gi_id: 'GI1', producer_uscc: 'U31', city_code: '440400', period: '2024-03-01', output_value_cny: '50000.25' }),
  // without the special mark: not counted
  output({ gi_id: 'GI1', producer_uscc: 'U32', period: '2024-03-01', output_value_cny: '70000.00', uses_special_mark: false }),
  output({ gi_id: 'GI2', producer_uscc: 'U30', period: '2024-03-01', output_value_cny: '20000.00' }),
  // GI9 is not in gi_products: counted nowhere, listed as unmatched (marked or not)
  output({ gi_id: 'GI9', producer_uscc: 'U33', period: '2024-03-01', output_value_cny: '999.00' }),
  output({ gi_id: 'GI9', producer_uscc: 'U34', period: '2024-04-01', output_value_cny: '5.00', uses_special_mark: false }),
  output({ gi_id: 'GI3', producer_uscc: 'U35', city_code: '310000', period: '2024-03-01', output_value_cny: '1.00' }),
  // GI1 / U30 / 2024-04 corrected by a later file: 30000.00, not 10.00
  output({ gi_id: 'GI1', producer_uscc: 'U30', period: '2024-04-01', output_value_cny: '30000.00', _ingest_seq: 2 }),
  output({ gi_id: 'GI1', producer_uscc: 'U30', period: '2024-04-01', output_value_cny: '10.00', _ingest_seq: 1 }),
  output({ gi_id: 'GI4', producer_uscc: 'U40', city_code: '110000', period: '2024-04-01', output_value_cny: '888.88' }),
];

describe('mart_city_gi_output_monthly', () => {
  let fixture: ViewFixture;
  beforeAll(async () => {
    fixture = await createViewFixture({ city_config: cityConfig, gi_products: giProducts, gi_output: giOutput });
  });
  afterAll(async () => fixture.close());

  it('sums marked output per GI product of each configured city and month, with distinct producers', async () => {
    // 110000 GI4 2024-04: U40 888.88, 1 producer (GI4 current version: in the promotion project)
    // 440300 GI1 2024-03: U30 100000.00 + U31 50000.25 = 150000.25, 2 producers (U32 unmarked)
    // 440300 GI1 2024-04: U30 30000.00 (current version), 1 producer
    // 440300 GI2 2024-03: U30 20000.00, 1 producer
    // GI3 (310000) not configured; GI9 unknown.
    const rows = await fixture.query('SELECT * FROM mart_city_gi_output_monthly ORDER BY city_code, gi_id, month');
    expect(rows).toEqual([
      { city_code: '110000', gi_id: 'GI4', gi_name: '京西稻', in_promotion_project: true, month: '2024-04-01', output_value_cny: '888.88', producer_count: 1 },
      { city_code: '440300', gi_id: 'GI1', gi_name: '南山荔枝', in_promotion_project: true, month: '2024-03-01', output_value_cny: '150000.25', producer_count: 2 },
      { city_code: '440300', gi_id: 'GI1', gi_name: '南山荔枝', in_promotion_project: true, month: '2024-04-01', output_value_cny: '30000.00', producer_count: 1 },
      { city_code: '440300', gi_id: 'GI2', gi_name: '深圳茶', in_promotion_project: false, month: '2024-03-01', output_value_cny: '20000.00', producer_count: 1 },
    ]);
  });

  it('counts only promotion-project products in gi_output_value_cny', async () => {
    const rows = await fixture.query(
      "SELECT city_code, month, value FROM mart_city_indicator_monthly WHERE indicator_id = 'gi_output_value_cny' ORDER BY city_code, month",
    );
    expect(rows).toEqual([
      { city_code: '110000', month: '2024-04-01', value: '888.88' },
      { city_code: '440300', month: '2024-03-01', value: '150000.25' },
      { city_code: '440300', month: '2024-04-01', value: '30000.00' },
    ]);
  });

  it('lists output rows whose gi_id is unknown, marked or not, with their source row', async () => {
    const rows = await fixture.query(
      'SELECT gi_id, producer_uscc, month, output_value_cny, uses_special_mark, _source_row FROM int_gi_output_unmatched ORDER BY gi_id, producer_uscc',
    );
    expect(rows).toEqual([
      { gi_id: 'GI9', producer_uscc: 'U33', month: '2024-03-01', output_value_cny: '999.00', uses_special_mark: true, _source_row: 6 },
      { gi_id: 'GI9', producer_uscc: 'U34', month: '2024-04-01', output_value_cny: '5.00', uses_special_mark: false, _source_row: 7 },
    ]);
  });

  it('has one row per city, gi_id and month, with the contract\'s column types', async () => {
    const duplicates = await fixture.query(
      'SELECT city_code, gi_id, month, count(*) AS n FROM mart_city_gi_output_monthly GROUP BY city_code, gi_id, month HAVING count(*) > 1',
    );
    expect(duplicates).toEqual([]);
    const columns = await fixture.query(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'mart_city_gi_output_monthly' ORDER BY ordinal_position",
    );
    expect(columns).toEqual([
      { column_name: 'city_code', data_type: 'VARCHAR' },
      { column_name: 'gi_id', data_type: 'VARCHAR' },
      { column_name: 'gi_name', data_type: 'VARCHAR' },
      { column_name: 'in_promotion_project', data_type: 'BOOLEAN' },
      { column_name: 'month', data_type: 'DATE' },
      { column_name: 'output_value_cny', data_type: 'DECIMAL(38,2)' },
      { column_name: 'producer_count', data_type: 'BIGINT' },
    ]);
  });
});
