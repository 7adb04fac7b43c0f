import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewFixture, type ViewFixture } from './view-fixture.ts';
import { CITY_CONFIG, ENTERPRISE_ACCOUNTS, ENTERPRISES, PATENTS } from './patent_intensive_fixture.ts';

describe('mart_industry_patent_intensity', () => {
  let fixture: ViewFixture;
  beforeAll(async () => {
    fixture = await createViewFixture({ city_config: CITY_CONFIG, enterprises: ENTERPRISES, enterprise_accounts: ENTERPRISE_ACCOUNTS, patents: PATENTS });
  });
  afterAll(async () => fixture.close());

  it('int_patent_intensive_invention_grants: inventions granted per enterprise and year, invalidated ones excluded', async () => {
    // P6 invalidated, P7 not granted, P4 a utility model: none counts. P2 lapsed later but was granted in 2022.
    expect(await fixture.query('select * from int_patent_intensive_invention_grants order by uscc, grant_year')).toEqual([
      { uscc: 'E1', grant_year: 2020, invention_grants: 1 },
      { uscc: 'E2', grant_year: 2023, invention_grants: 1 },
      { uscc: 'E3', grant_year: 2022, invention_grants: 1 },
      { uscc: 'E4', grant_year: 2025, invention_grants: 1 },
    ]);
  });

  it('counts grants of the five years up to each year per class, with the register employees', async () => {
    const rows = await fixture.query(
      `select * from mart_industry_patent_intensity where year in (2024, 2025) order by industry_code, year`,
    );
    const cls = (industry_code: string, enterprise_count: number, employees: number, without: number) => ({
      industry_code,
      enterprise_count,
      employees,
      enterprises_without_employees: without,
    });
    expect(rows).toEqual([
      { ...cls('1311', 1, 1000, 0), year: 2024, invention_grants_5y: 0, granted_enterprise_count: 0 },
      { ...cls('1311', 1, 1000, 0), year: 2025, invention_grants_5y: 0, granted_enterprise_count: 0 },
      // 2020–2024: P5 (2020); 2021–2025: nothing
      { ...cls('3911', 1, 2000, 0), year: 2024, invention_grants_5y: 1, granted_enterprise_count: 1 },
      { ...cls('3911', 1, 2000, 0), year: 2025, invention_grants_5y: 0, granted_enterprise_count: 0 },
      // E2..E5: 500 + 300 + 200 + (none) employees; 2020–2024: P1, P2; 2021–2025: P1, P2, P3
      { ...cls('3961', 4, 1000, 1), year: 2024, invention_grants_5y: 2, granted_enterprise_count: 2 },
      { ...cls('3961', 4, 1000, 1), year: 2025, invention_grants_5y: 3, granted_enterprise_count: 3 },
      { ...cls('6513', 1, 100, 0), year: 2024, invention_grants_5y: 0, granted_enterprise_count: 0 },
      { ...cls('6513', 1, 100, 0), year: 2025, invention_grants_5y: 0, granted_enterprise_count: 0 },
    ]);
  });

  it('has one row per class and year, years from grants and accounts, configured cities only', async () => {
    expect(await fixture.query('select distinct year from mart_industry_patent_intensity order by year')).toEqual(
      [2020, 2022, 2023, 2024, 2025].map((year) => ({ year })),
    );
    // E8 (110000, not configured) is the only other 3911 enterprise: the class keeps 1 enterprise.
    expect(await fixture.query('select count(*) as n, count(distinct industry_code || cast(year as varchar)) as keys from mart_industry_patent_intensity')).toEqual([
      { n: 20, keys: 20 },
    ]);
  });
});
