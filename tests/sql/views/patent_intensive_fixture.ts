/**
 * One hand-computed world for the patent-intensive views (docs/patent-intensive.md), shared by
 * their fixture tests. Classification version 'v1': 3911 (category 01, full), 3961 (01, partial),
 * 6513 (02, full), 2710 (05, full). Configured cities 440300, 310000 and 320500; 110000 is not.
 */
import type { FixtureRow } from './view-fixture.ts';

export const CITY_CONFIG: FixtureRow[] = [
  { city_code: '440300', city_name: '深圳市', programme_start_year: 2024, base_year: 2023 },
  { city_code: '310000', city_name: '上海市', programme_start_year: 2024, base_year: 2023 },
  { city_code: '320500', city_name: '苏州市', programme_start_year: 2024, base_year: 2023 },
];

export const CLASSIFICATION: FixtureRow[] = [
  { version: 'v1', industry_code: '3911', category_code: '01', partial: false },
  { version: 'v1', industry_code: '3961', category_code: '01', partial: true },
  { version: 'v1', industry_code: '6513', category_code: '02', partial: false },
  { version: 'v1', industry_code: '2710', category_code: '05', partial: false },
];

const enterprise = (uscc: string, city: string, industry: string, employees: number | null = null): FixtureRow => ({
  uscc,
  name: `企业${uscc}`,
  city_code: city,
  admin_code: city,
  industry_code: industry,
  is_sme: false,
  employees,
});

export const ENTERPRISES: FixtureRow[] = [
  enterprise('E1', '440300', '3911', 2000),
  enterprise('E2', '440300', '3961', 500), // partial class, holds an in-force invention patent
  enterprise('E3', '440300', '3961', 300), // partial class, its invention patent lapsed
  enterprise('E4', '440300', '3961', 200), // partial class, invention granted only in 2025
  enterprise('E5', '440300', '3961'), // partial class, a granted utility model only
  enterprise('E6', '440300', '1311', 1000), // class outside the classification
  enterprise('E7', '310000', '6513', 100), // negative operating surplus
  enterprise('E8', '110000', '3911', 50), // city not configured
];

const income = (uscc: string, year: number, l: string, t: string, d: string, s: string): FixtureRow => ({
  uscc,
  year,
  labor_compensation_cny: l,
  net_production_taxes_cny: t,
  depreciation_cny: d,
  operating_surplus_cny: s,
});
const production = (uscc: string, year: number, gross: string, intermediate: string): FixtureRow => ({
  uscc,
  year,
  gross_output_cny: gross,
  intermediate_input_cny: intermediate,
});

export const ENTERPRISE_ACCOUNTS: FixtureRow[] = [
  production('E1', 2023, '500.00', '350.00'), // 150.00 by the production approach
  income('E1', 2024, '100.00', '20.00', '30.00', '50.00'), // 200.00
  // Both approaches given: the income approach wins, 10 + 1 + 2 - 3 = 10.00 (negative surplus).
  { ...income('E2', 2024, '10.00', '1.00', '2.00', '-3.00'), gross_output_cny: '999.00', intermediate_input_cny: '1.00' },
  income('E3', 2024, '40.00', '0.00', '0.00', '0.00'), // 40.00
  income('E4', 2024, '60.00', '0.00', '0.00', '0.00'), // 60.00
  // Income components incomplete (no depreciation): production approach 9 - 4 = 5.00.
  { ...production('E5', 2024, '9.00', '4.00'), labor_compensation_cny: '7.00' },
  income('E6', 2024, '1000.00', '0.00', '0.00', '0.00'),
  income('E7', 2024, '10.00', '0.00', '5.00', '-25.00'), // -10.00
  income('E8', 2024, '70.00', '0.00', '0.00', '0.00'),
  income('X9', 2024, '80.00', '0.00', '0.00', '0.00'), // not in the register
];

const patent = (applicationNo: string, uscc: string, type: string, status: string, grantDate: string | null, applicationDate = '2020-01-01'): FixtureRow => ({
  application_no: applicationNo,
  patent_type: type,
  application_date: applicationDate,
  grant_date: grantDate,
  legal_status: status,
  applicant_name: `企业${uscc}`,
  applicant_uscc: uscc,
  applicant_type: 'enterprise',
  city_code: '440300',
  admin_code: '440300',
});

export const PATENTS: FixtureRow[] = [
  patent('P1', 'E2', 'invention', 'granted', '2023-05-01'),
  patent('P2', 'E3', 'invention', 'lapsed', '2022-03-01'),
  patent('P3', 'E4', 'invention', 'granted', '2025-02-01'),
  patent('P4', 'E5', 'utility_model', 'granted', '2023-01-01'),
  patent('P5', 'E1', 'invention', 'granted', '2020-06-30'),
  patent('P6', 'E1', 'invention', 'invalidated', '2021-01-01'),
  patent('P7', 'E1', 'invention', 'pending', null),
];

export const INDUSTRY_ACCOUNTS: FixtureRow[] = [
  // 440300 reports 3911 by district: 300.00 + 100.00 = 400.00 for the city.
  { city_code: '440300', admin_code: '440305', year: 2024, industry_code: '3911', value_added_cny: '300.00' },
  { city_code: '440300', admin_code: '440306', year: 2024, industry_code: '3911', value_added_cny: '100.00' },
  { city_code: '440300', admin_code: '440300', year: 2024, industry_code: '3961', value_added_cny: '1000.00' },
  { city_code: '440300', admin_code: '440300', year: 2024, industry_code: '1311', value_added_cny: '5000.00' },
  // 320500: industry data only, a partial class without any enterprise.
  { city_code: '320500', admin_code: '320500', year: 2024, industry_code: '2710', value_added_cny: '700.00' },
  { city_code: '320500', admin_code: '320500', year: 2024, industry_code: '3961', value_added_cny: '300.00' },
];

export const CITY_ACCOUNTS: FixtureRow[] = [
  { city_code: '440300', admin_code: '440300', year: 2024, gdp_cny: '10000.00' },
  // 320500 and 310000 have no GDP.
];

export const PATENT_INTENSIVE_SOURCES = {
  city_config: CITY_CONFIG,
  patent_intensive_classification: CLASSIFICATION,
  enterprises: ENTERPRISES,
  enterprise_accounts: ENTERPRISE_ACCOUNTS,
  patents: PATENTS,
  industry_accounts: INDUSTRY_ACCOUNTS,
  city_accounts: CITY_ACCOUNTS,
};
