import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewFixture, type FixtureRow, type ViewFixture } from './view-fixture.ts';

// Configured: 440300 and 110000; 310000 is not.
const cityConfig: FixtureRow[] = [
  { city_code: '440300', city_name: '深圳市', programme_start_year: 2024, base_year: 2023 },
  { city_code: '110000', city_name: '北京市', programme_start_year: 2024, base_year: 2023 },
];
const event = (row: FixtureRow): FixtureRow => ({ application_no: '202410000001.5', event_type: 'transfer', from_type: 'enterprise', to_type: 'enterprise', from_name: 'A', to_name: 'B', ...row });

describe('mart_city_dataset_rows_monthly', () => {
  let fixture: ViewFixture;
  beforeAll(async () => {
    fixture = await createViewFixture({
      city_config: cityConfig,
      patent_events: [
        // local (district already rolled up): once for 440300
        event({ event_id: 'E1', effective_date: '2024-03-05', from_city_code: '440300', from_admin_code: '440305', to_city_code: '440300' }),
        // between two configured cities: once for each
        event({ event_id: 'E2', effective_date: '2024-03-20', from_city_code: '110000', to_city_code: '440300' }),
        // to an unconfigured city: 440300 only
        event({ event_id: 'E3', effective_date: '2024-04-02', from_city_code: '440300', to_city_code: '310000' }),
        // superseded: the first version (440300, March) counts nowhere; the second (110000, May) counts
        event({ event_id: 'E4', effective_date: '2024-03-10', from_city_code: '440300', to_city_code: '440300', _ingest_seq: 1 }),
        event({ event_id: 'E4', effective_date: '2024-05-10', from_city_code: '110000', to_city_code: '110000', _ingest_seq: 2 }),
      ],
      pledges: [
        { pledge_id: 'G1', registration_date: '2024-03-31', pledgor_city_code: '440300', status: 'cancelled' },
        { pledge_id: 'G2', registration_date: '2024-03-01', pledgor_city_code: '310000' },
      ],
      gi_products: [{ gi_id: 'GI1', name: '荔枝', city_code: '440300', approval_date: '2006-01-01', in_promotion_project: true }],
      gi_output: [
        // the product's city counts, not the producer's
        { gi_id: 'GI1', producer_uscc: 'U1', city_code: '110000', period: '2024-06-01', uses_special_mark: false },
        // no such product: counts for no city
        { gi_id: 'GI9', producer_uscc: 'U1', city_code: '440300', period: '2024-06-01', uses_special_mark: true },
      ],
      enterprises: [{ uscc: 'U1', name: '甲', city_code: '110000', is_sme: true }],
      enterprise_accounts: [
        { uscc: 'U1', year: 2023 },
        // not in the register: no city
        { uscc: 'U2', year: 2023 },
      ],
    });
  });
  afterAll(async () => fixture.close());

  it("counts each configured city's current rows per dataset and month", async () => {
    const rows = await fixture.query('SELECT * FROM mart_city_dataset_rows_monthly ORDER BY city_code, dataset, month NULLS FIRST');
    expect(rows).toEqual([
      { city_code: '110000', dataset: 'enterprise_accounts', month: '2023-01-01', row_count: 1 },
      { city_code: '110000', dataset: 'enterprises', month: null, row_count: 1 },
      { city_code: '110000', dataset: 'patent_events', month: '2024-03-01', row_count: 1 }, // E2
      { city_code: '110000', dataset: 'patent_events', month: '2024-05-01', row_count: 1 }, // E4, local: once
      { city_code: '440300', dataset: 'gi_output', month: '2024-06-01', row_count: 1 }, // GI1 output, by the product's city
      { city_code: '440300', dataset: 'gi_products', month: null, row_count: 1 },
      { city_code: '440300', dataset: 'patent_events', month: '2024-03-01', row_count: 2 }, // E1 (local, once) and E2
      { city_code: '440300', dataset: 'patent_events', month: '2024-04-01', row_count: 1 }, // E3
      { city_code: '440300', dataset: 'pledges', month: '2024-03-01', row_count: 1 }, // a cancelled pledge is still a row
    ]);
  });

  it('has one row per city, dataset and month', async () => {
    const duplicates = await fixture.query('SELECT city_code, dataset, month, count(*) AS n FROM mart_city_dataset_rows_monthly GROUP BY city_code, dataset, month HAVING count(*) > 1');
    expect(duplicates).toEqual([]);
  });
});
