import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewFixture, type ViewFixture } from './view-fixture.ts';

describe('mart_dataset_coverage', () => {
  let fixture: ViewFixture;
  beforeAll(async () => {
    fixture = await createViewFixture({
      patents: [
        { application_no: '202310000001.1', application_date: '2023-11-30', city_code: '440300', _ingest_seq: 2 },
        { application_no: '202410000002.2', application_date: '2024-02-01', city_code: '440300' },
        // an older version of the first patent, dated earlier: superseded, so not coverage
        { application_no: '202310000001.1', application_date: '2022-01-01', city_code: '440300', _ingest_seq: 1 },
      ],
      patent_events: [{ event_id: 'E1', effective_date: '2024-03-05' }],
      // a cancelled pledge is still a current row of the dataset
      pledges: [{ pledge_id: 'G1', registration_date: '2024-05-31', status: 'cancelled' }],
      gi_output: [{ gi_id: 'GI1', producer_uscc: 'U1', period: '2024-03-01', uses_special_mark: false }],
      programme_records: [{ record_id: 'R1', kind: 'securitization', event_date: '2024-06-15' }],
      enterprise_accounts: [
        { uscc: 'U1', year: 2021 },
        { uscc: 'U1', year: 2023 },
      ],
      city_accounts: [{ city_code: '440300', admin_code: '440300', year: 2022, gdp_cny: '1.00' }],
      // reference datasets without a period: left out even when they have rows
      enterprises: [{ uscc: 'U1', name: '甲', city_code: '440300', is_sme: true }],
      gi_products: [{ gi_id: 'GI1', name: '荔枝', city_code: '440300', approval_date: '2006-01-01', in_promotion_project: true }],
      patent_intensive_classification: [{ version: '2019', industry_code: '3911', category_code: '02', partial: false }],
    });
  });
  afterAll(async () => fixture.close());

  it('gives each dated dataset with rows its first and last month and current row count', async () => {
    // patents: current rows dated 2023-11-30 and 2024-02-01 → 2023-11 .. 2024-02, 2 rows (the 2022 version is superseded)
    // annual enterprise_accounts 2021 and 2023 → 2021-01 .. 2023-12; city_accounts 2022 → 2022-01 .. 2022-12
    // industry_accounts, trademarks, trademark_events, tech_contracts: no rows → no row
    const rows = await fixture.query('SELECT * FROM mart_dataset_coverage ORDER BY dataset');
    expect(rows).toEqual([
      { dataset: 'city_accounts', first_month: '2022-01-01', last_month: '2022-12-01', row_count: 1 },
      { dataset: 'enterprise_accounts', first_month: '2021-01-01', last_month: '2023-12-01', row_count: 2 },
      { dataset: 'gi_output', first_month: '2024-03-01', last_month: '2024-03-01', row_count: 1 },
      { dataset: 'patent_events', first_month: '2024-03-01', last_month: '2024-03-01', row_count: 1 },
      { dataset: 'patents', first_month: '2023-11-01', last_month: '2024-02-01', row_count: 2 },
      { dataset: 'pledges', first_month: '2024-05-01', last_month: '2024-05-01', row_count: 1 },
      { dataset: 'programme_records', first_month: '2024-06-01', last_month: '2024-06-01', row_count: 1 },
    ]);
  });

  it('has one row per dataset, with the contract\'s column types', async () => {
    const duplicates = await fixture.query('SELECT dataset, count(*) AS n FROM mart_dataset_coverage GROUP BY dataset HAVING count(*) > 1');
    expect(duplicates).toEqual([]);
    const columns = await fixture.query(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'mart_dataset_coverage' ORDER BY ordinal_position",
    );
    expect(columns).toEqual([
      { column_name: 'dataset', data_type: 'VARCHAR' },
      { column_name: 'first_month', data_type: 'DATE' },
      { column_name: 'last_month', data_type: 'DATE' },
      { column_name: 'row_count', data_type: 'BIGINT' },
    ]);
  });
});
