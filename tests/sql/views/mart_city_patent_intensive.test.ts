import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewFixture, type ViewFixture } from './view-fixture.ts';
import { PATENT_INTENSIVE_SOURCES } from './patent_intensive_fixture.ts';

describe('patent-intensive value added views', () => {
  let fixture: ViewFixture;
  beforeAll(async () => {
    fixture = await createViewFixture(PATENT_INTENSIVE_SOURCES);
  });
  afterAll(async () => fixture.close());

  it('int_enterprise_value_added: income approach, production fallback, in-force invention patents at the end of the year', async () => {
    const rows = await fixture.query(
      `select uscc, year, in_register, city_code, value_added_approach, value_added_cny, in_force_invention_patents
       from int_enterprise_value_added order by uscc, year`,
    );
    expect(rows).toEqual([
      { uscc: 'E1', year: 2023, in_register: true, city_code: '440300', value_added_approach: 'production', value_added_cny: '150.00', in_force_invention_patents: 1 },
      { uscc: 'E1', year: 2024, in_register: true, city_code: '440300', value_added_approach: 'income', value_added_cny: '200.00', in_force_invention_patents: 1 },
      { uscc: 'E2', year: 2024, in_register: true, city_code: '440300', value_added_approach: 'income', value_added_cny: '10.00', in_force_invention_patents: 1 },
      // P2 lapsed: no longer in force
      { uscc: 'E3', year: 2024, in_register: true, city_code: '440300', value_added_approach: 'income', value_added_cny: '40.00', in_force_invention_patents: 0 },
      // P3 granted in 2025: not in force at the end of 2024
      { uscc: 'E4', year: 2024, in_register: true, city_code: '440300', value_added_approach: 'income', value_added_cny: '60.00', in_force_invention_patents: 0 },
      // a utility model is not an invention patent; income components incomplete → production
      { uscc: 'E5', year: 2024, in_register: true, city_code: '440300', value_added_approach: 'production', value_added_cny: '5.00', in_force_invention_patents: 0 },
      { uscc: 'E6', year: 2024, in_register: true, city_code: '440300', value_added_approach: 'income', value_added_cny: '1000.00', in_force_invention_patents: 0 },
      { uscc: 'E7', year: 2024, in_register: true, city_code: '310000', value_added_approach: 'income', value_added_cny: '-10.00', in_force_invention_patents: 0 },
      { uscc: 'E8', year: 2024, in_register: true, city_code: '110000', value_added_approach: 'income', value_added_cny: '70.00', in_force_invention_patents: 0 },
      { uscc: 'X9', year: 2024, in_register: false, city_code: null, value_added_approach: 'income', value_added_cny: '80.00', in_force_invention_patents: 0 },
    ]);
  });

  it('mart_city_patent_intensive_classes: both methods per class, partial classes count only patent holders', async () => {
    const rows = await fixture.query('select * from mart_city_patent_intensive_classes order by city_code, year, industry_code');
    const row = (values: Record<string, unknown>) => ({
      classification_version: 'v1',
      enterprise_count: 0,
      counted_enterprise_count: 0,
      counted_production_approach_count: 0,
      enterprise_value_added_cny: null,
      enterprise_value_added_all_cny: null,
      enterprise_value_added_holders_cny: null,
      industry_value_added_cny: null,
      ...values,
    });
    expect(rows).toEqual([
      row({ city_code: '310000', year: 2024, industry_code: '6513', category_code: '02', partial: false, enterprise_count: 1, counted_enterprise_count: 1, enterprise_value_added_cny: '-10.00', enterprise_value_added_all_cny: '-10.00', enterprise_value_added_holders_cny: '0.00' }),
      row({ city_code: '320500', year: 2024, industry_code: '2710', category_code: '05', partial: false, industry_value_added_cny: '700.00' }),
      row({ city_code: '320500', year: 2024, industry_code: '3961', category_code: '01', partial: true, industry_value_added_cny: '300.00' }),
      row({ city_code: '440300', year: 2023, industry_code: '3911', category_code: '01', partial: false, enterprise_count: 1, counted_enterprise_count: 1, counted_production_approach_count: 1, enterprise_value_added_cny: '150.00', enterprise_value_added_all_cny: '150.00', enterprise_value_added_holders_cny: '150.00' }),
      row({ city_code: '440300', year: 2024, industry_code: '3911', category_code: '01', partial: false, enterprise_count: 1, counted_enterprise_count: 1, enterprise_value_added_cny: '200.00', enterprise_value_added_all_cny: '200.00', enterprise_value_added_holders_cny: '200.00', industry_value_added_cny: '400.00' }),
      // E2 counted (10.00); E3 (lapsed), E4 (granted 2025), E5 (utility model) not: all 115.00, holders 10.00
      row({ city_code: '440300', year: 2024, industry_code: '3961', category_code: '01', partial: true, enterprise_count: 4, counted_enterprise_count: 1, enterprise_value_added_cny: '10.00', enterprise_value_added_all_cny: '115.00', enterprise_value_added_holders_cny: '10.00', industry_value_added_cny: '1000.00' }),
    ]);
  });

  it('mart_city_patent_intensive_annual: which data each city-year has, the enterprise total and GDP (null when missing)', async () => {
    const rows = await fixture.query('select * from mart_city_patent_intensive_annual order by city_code, year');
    expect(rows).toEqual([
      { city_code: '310000', classification_version: 'v1', year: 2024, enterprises_with_accounts: 1, enterprise_value_added_cny: '-10.00', industry_rows: 0, gdp_cny: null },
      { city_code: '320500', classification_version: 'v1', year: 2024, enterprises_with_accounts: 0, enterprise_value_added_cny: null, industry_rows: 2, gdp_cny: null },
      { city_code: '440300', classification_version: 'v1', year: 2023, enterprises_with_accounts: 1, enterprise_value_added_cny: '150.00', industry_rows: 0, gdp_cny: null },
      // E6 (class 1311) has accounts, so the enterprise method applies: 200.00 + 10.00 = 210.00
      { city_code: '440300', classification_version: 'v1', year: 2024, enterprises_with_accounts: 6, enterprise_value_added_cny: '210.00', industry_rows: 4, gdp_cny: '10000.00' },
    ]);
  });

  it('has no rows for an unconfigured city (110000) and one row per key', async () => {
    const counts = await fixture.query(
      `select count(*) as n, count(distinct classification_version || city_code || cast(year as varchar) || industry_code) as keys
       from mart_city_patent_intensive_classes`,
    );
    expect(counts).toEqual([{ n: 6, keys: 6 }]);
    expect(await fixture.query("select count(*) as n from mart_city_patent_intensive_annual where city_code = '110000'")).toEqual([{ n: 0 }]);
  });
});

describe('patent-intensive views on an empty classification', () => {
  it('give no rows: no figure without a loaded classification', async () => {
    const { patent_intensive_classification: _dropped, ...sources } = PATENT_INTENSIVE_SOURCES;
    const fixture = await createViewFixture(sources);
    try {
      expect(await fixture.query('select count(*) as n from mart_city_patent_intensive_annual')).toEqual([{ n: 0 }]);
      expect(await fixture.query('select count(*) as n from mart_city_patent_intensive_classes')).toEqual([{ n: 0 }]);
    } finally {
      await fixture.close();
    }
  });
});
