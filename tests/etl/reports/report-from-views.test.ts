/**
 * End to end below the CLI: source rows → the project's real views (sql/) on DuckDB →
 * fetchReportInputs → assembleReport. Catches any disagreement between the marts' columns and
 * the report queries. Expected figures are computed by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCityConfig } from '../../../etl/config/city-config.ts';
import { assembleReport } from '../../../etl/reports/assemble-report.ts';
import { fetchSourceFileMonths } from '../../../etl/reports/lake-facts.ts';
import { fetchReportInputs } from '../../../etl/reports/report-queries.ts';
import type { UnrankedReport } from '../../../etl/reports/report-schema.ts';
import { sqlFixture, type FixtureRow, type SqlFixture } from '../../support/sql-fixture.ts';

const city = parseCityConfig(JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024 }] }), 'c.json').cities[0]!;

const pledge = (row: FixtureRow): FixtureRow => ({
  ip_type: 'patent',
  ip_count: 1,
  status: 'registered',
  pledgor_name: '某公司',
  pledgor_city_code: '440300',
  pledgor_admin_code: '440305',
  pledgee_name: '某银行',
  ...row,
});
const event = (row: FixtureRow): FixtureRow => ({
  event_type: 'transfer',
  from_name: '甲',
  from_type: 'enterprise',
  to_name: '乙',
  to_type: 'enterprise',
  ...row,
});

describe('a report from the real views', () => {
  let db: SqlFixture;
  let report: UnrankedReport;

  beforeAll(async () => {
    db = await sqlFixture();
    await db.insert('city_config', [{ city_code: '440300', city_name: '深圳市', programme_start_year: 2024, base_year: 2023 }]);
    await db.insert('pledges', [
      pledge({ pledge_id: 'P1', registration_date: '2023-05-10', secured_amount_cny: '100.00' }),
      pledge({ pledge_id: 'P2', registration_date: '2024-05-10', secured_amount_cny: '150.00' }),
      pledge({ pledge_id: 'P3', registration_date: '2024-06-01', secured_amount_cny: '999.00', status: 'cancelled' }),
      pledge({ pledge_id: 'P4', registration_date: '2025-02-03', secured_amount_cny: '75.50' }),
      pledge({ pledge_id: 'P5', registration_date: '2025-06-30', secured_amount_cny: '20.00' }),
    ]);
    await db.insert('patent_events', [
      event({ event_id: 'E1', application_no: '202410000001.1', effective_date: '2025-03-05', from_city_code: '440300', to_city_code: '440300' }),
      event({ event_id: 'E2', application_no: '202410000002.X', event_type: 'licence', effective_date: '2025-06-10', from_city_code: '440300', to_city_code: '110000' }),
      event({ event_id: 'E3', application_no: '202410000003.8', effective_date: '2025-06-11', from_city_code: '310000', to_city_code: '440300', to_admin_code: '440305' }),
    ]);
    await db.insert('trademark_events', [
      event({ event_id: 'T1', registration_no: '1', effective_date: '2024-01-15', from_city_code: '440300', to_city_code: '440300' }),
      event({ event_id: 'T2', registration_no: '2', effective_date: '2025-06-20', from_city_code: '440300', to_city_code: '440300' }),
    ]);
    await db.insert('gi_products', [
      { gi_id: 'GI1', name: '南山荔枝', protection_type: 'product', city_code: '440300', approval_date: '2010-01-01', in_promotion_project: true },
    ]);
    const gi = (row: FixtureRow): FixtureRow => ({ gi_id: 'GI1', producer_name: '使用人', city_code: '440300', uses_special_mark: true, ...row });
    await db.insert('gi_output', [
      gi({ producer_uscc: 'U1', period: '2025-01-01', output_value_cny: '10.00' }),
      gi({ producer_uscc: 'U2', period: '2025-02-01', output_value_cny: '5.25' }),
      gi({ producer_uscc: 'U1', period: '2025-06-01', output_value_cny: '1.00' }),
      gi({ producer_uscc: 'U3', period: '2025-06-01', output_value_cny: '500.00', uses_special_mark: false }),
    ]);
    await db.createViews();
    const inputs = await fetchReportInputs(db.engine, {
      city,
      period: '2025-06',
      generatedAt: '2025-07-05T02:00:00+08:00',
      classificationVersion: null,
      facts: { manifests: [], fileMonths: await fetchSourceFileMonths(db.engine) },
      previousReport: null,
    });
    report = assembleReport(inputs);
  });
  afterAll(async () => db?.close());

  it('pledges: new registrations only; the base year is partly covered', () => {
    // coverage 2023-05..2025-06; ytd 75.50 + 20.00; ytd_prev 150.00 (P3 cancelled); 95.5 / 150 − 1 = −0.363333…
    expect(report.indicators.pledge_amount_cny).toEqual({
      unit: 'cny',
      month: 20,
      // nothing was registered in 2024-06: no base for the month's growth
      month_yoy_growth: null,
      ytd: 95.5,
      ytd_prev: 150,
      yoy_growth: -0.363333,
      annual: { '2023': null, '2024': 150 },
      cagr_since_base: null,
      cumulative: null,
      target: { kind: 'growth', value: 0.3 },
      status: 'behind',
      null_reasons: { month_yoy_growth: 'zero_base', annual: { '2023': 'not_covered' }, cagr_since_base: 'not_covered', cumulative: 'not_applicable' },
    });
    expect(report.indicators.pledge_project_count.ytd).toBe(2);
  });

  it('transfers: nothing declared, so both event datasets cover from the lake\'s earliest month (pledges, 2023-05)', () => {
    // patent_events has rows only from 2025-03 and trademark_events from 2024-01, but the lake starts
    // in 2023-05: inside coverage, months without rows are true zeros.
    // June: E2 outflow, E3 inflow (district 440305 rolled up), T2 local → 3; year to date adds E1 → 4;
    // 2024-01..06: T1 → 1; 4 / 1 − 1 = 3. 2023 is not wholly covered (it starts in May).
    const transfers = report.indicators.ip_transfer_licence_count;
    expect(transfers.month).toBe(3);
    expect(transfers.ytd).toBe(4);
    expect(transfers.ytd_prev).toBe(1);
    expect(transfers.yoy_growth).toBe(3);
    expect(transfers.annual).toEqual({ '2023': null, '2024': 1 });
    // 2024-06 had no transfer (T1 is in an earlier month): no base for the month's growth.
    expect(transfers.null_reasons).toEqual({ month_yoy_growth: 'zero_base', annual: { '2023': 'not_covered' }, cagr_since_base: 'not_covered', cumulative: 'not_applicable' });
    expect(transfers.breakdown).toEqual({ month: { local: 1, inflow: 1, outflow: 1 }, ytd: { local: 2, inflow: 1, outflow: 1 } });
    expect(transfers.status).toBe('on_track');
  });

  it('GI output: marked rows only, distinct users over the year to date', () => {
    expect(report.gi_output).toEqual({
      year: 2025,
      ytd_promotion_project_cny: 16.25,
      ytd_all_cny: 16.25,
      by_product: [{ gi_id: 'GI1', name: '南山荔枝', in_promotion_project: true, ytd_cny: 16.25, users: 2 }],
      null_reasons: {},
    });
    expect(report.indicators.gi_output_value_cny.ytd).toBe(16.25);
    expect(report.indicators.gi_output_value_cny.month).toBe(1);
  });

  it("data quality counts the city's current rows up to the report month, with the coverage", () => {
    // P1 2023-05, P2 2024-05, P3 2024-06 (cancelled: still a row), P4 2025-02, P5 2025-06
    expect(report.data_quality.by_dataset.pledges).toEqual({
      rows_read: 5,
      rows_rejected: 0,
      latest_period: '2025-06',
      rows_counted: 5,
      rows_in_month: 1,
      rows_outside_coverage: 0,
      coverage: { first: '2023-05', last: '2025-06', runs: [{ first: '2023-05', last: '2025-06', basis: 'inferred' }] },
      top_reject_reasons: [],
    });
    expect(report.data_quality.by_dataset.tech_contracts).toBeUndefined(); // no rows, no file, no coverage
  });

  it('datasets without rows give null figures and no_data', () => {
    expect(report.indicators.patent_contract_turnover_cny.ytd).toBeNull();
    expect(report.indicators.ip_custody_sme_count.cumulative).toBeNull();
    expect(report.indicators.ip_custody_sme_count.status).toBe('no_data');
  });
});
