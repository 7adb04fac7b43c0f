import { describe, expect, it } from 'vitest';
import type { PatentIntensiveClassRow, PatentIntensiveInput } from '../../../etl/reports/patent-intensive-inputs.ts';
import { patentIntensiveFigures, type PatentIntensiveCity } from '../../../etl/reports/patent-intensive-section.ts';

const cls = (row: Partial<PatentIntensiveClassRow> & Pick<PatentIntensiveClassRow, 'year' | 'industryCode' | 'categoryCode'>): PatentIntensiveClassRow => ({
  partial: false,
  enterpriseCount: 0,
  countedEnterpriseCount: 0,
  countedProductionApproachCount: 0,
  enterpriseValueAddedCny: null,
  enterpriseValueAddedAllCny: null,
  enterpriseValueAddedHoldersCny: null,
  industryValueAddedCny: null,
  ...row,
});

/** 深圳 (440300) of the SQL fixture (tests/sql/views/patent_intensive_fixture.ts): both methods in 2024, enterprise only in 2023. */
const SHENZHEN: PatentIntensiveInput = {
  classificationVersion: 'v1',
  years: [
    { year: 2023, enterprisesWithAccounts: 1, enterpriseValueAddedCny: '150.00', industryRows: 0, gdpCny: null },
    { year: 2024, enterprisesWithAccounts: 6, enterpriseValueAddedCny: '210.00', industryRows: 4, gdpCny: '10000.00' },
  ],
  classes: [
    cls({ year: 2023, industryCode: '3911', categoryCode: '01', enterpriseCount: 1, countedEnterpriseCount: 1, countedProductionApproachCount: 1, enterpriseValueAddedCny: '150.00', enterpriseValueAddedAllCny: '150.00', enterpriseValueAddedHoldersCny: '150.00' }),
    cls({ year: 2024, industryCode: '3911', categoryCode: '01', enterpriseCount: 1, countedEnterpriseCount: 1, enterpriseValueAddedCny: '200.00', enterpriseValueAddedAllCny: '200.00', enterpriseValueAddedHoldersCny: '200.00', industryValueAddedCny: '400.00' }),
    cls({ year: 2024, industryCode: '3961', categoryCode: '01', partial: true, enterpriseCount: 4, countedEnterpriseCount: 1, enterpriseValueAddedCny: '10.00', enterpriseValueAddedAllCny: '115.00', enterpriseValueAddedHoldersCny: '10.00', industryValueAddedCny: '1000.00' }),
  ],
};

const city = (extra: Partial<PatentIntensiveCity> = {}): PatentIntensiveCity => ({ code: '440300', baseYear: 2023, target: { kind: 'growth', value: 0 }, ...extra });
const zeros = { '01': 0, '02': 0, '03': 0, '04': 0, '05': 0, '06': 0, '07': 0 };
const nulls = { '01': null, '02': null, '03': null, '04': null, '05': null, '06': null, '07': null };

describe('patentIntensiveFigures', () => {
  describe('a city-year with both enterprise and industry data', () => {
    const { section, indicator } = patentIntensiveFigures(SHENZHEN, city(), '2025-06');

    it('takes the enterprise method as the headline, with GDP share, growth and CAGR', () => {
      expect(section.year).toBe(2024);
      expect(section.method).toBe('enterprise');
      expect(section.value_added_cny).toBe(210); // 200 (3911) + 10 (3961, patent holder only)
      expect(section.by_category).toEqual({ ...zeros, '01': 210 });
      expect(section.share_of_gdp).toBe(0.021); // 210 / 10000
      expect(section.gdp_cny).toBe(10000);
      expect(section.growth).toBe(0.4); // 210 / 150 − 1
      expect(section.cagr_since_base).toBe(0.4); // one year from the base year 2023
      expect(section.category_mix).toEqual({ ...zeros, '01': 1 });
      expect(section.enterprise_method).toEqual({ value_added_cny: 210, by_category: { ...zeros, '01': 210 }, counted_enterprises: 2, production_approach_enterprises: 0 });
    });

    it('shows the industry method beside it, the partial class weighted by the derived share, and the difference', () => {
      // 3961: 1000 × 10 / 115 = 86.9565… → 86.96; total 400 + 86.96 = 486.96
      expect(section.industry_method).toEqual({
        value_added_cny: 486.96,
        by_category: { ...zeros, '01': 486.96 },
        partial_classes: [{ industry_code: '3961', category_code: '01', industry_value_added_cny: 1000, share: 0.086957, share_source: 'derived', value_added_cny: 86.96 }],
        excluded_partial_classes: [],
      });
      expect(section.difference_cny).toBe(-276.96); // 210 − 486.96
      expect(section.notes).toEqual(['enterprise and industry accounts both exist for this year: the enterprise method is the headline, the industry method is shown beside it']);
    });

    it('fills the annual indicator: no month or year-to-date figures, annual values, CAGR, status', () => {
      expect(indicator).toEqual({
        unit: 'cny',
        month: null,
        month_yoy_growth: null,
        ytd: null,
        ytd_prev: null,
        yoy_growth: 0.4,
        annual: { '2023': 150, '2024': 210 },
        cagr_since_base: 0.4,
        cumulative: null,
        target: { kind: 'growth', value: 0 },
        status: 'met',
        null_reasons: { month: 'not_applicable', month_yoy_growth: 'not_applicable', ytd: 'not_applicable', ytd_prev: 'not_applicable', cumulative: 'not_applicable' },
      });
    });

    it('puts the national figures of the latest bulletin at or before the year beside the city (2024: the share of GDP only)', () => {
      expect(section.national).toEqual({
        year: 2024,
        value_added_cny: null,
        share_of_gdp: 0.1338,
        category_mix: { '01': null, '02': null, '03': null, '04': null, '05': null, '06': null, '07': null },
        source: 'SCIO press conference 2026-01-23 (share only; value added "over 18 trillion yuan"; exact bulletin figure not found)',
      });
    });
  });

  it('weights a partial class by the configured share when the city sets one', () => {
    const { section } = patentIntensiveFigures(SHENZHEN, city({ partialShares: { '3961': 0.25 } }), '2025-06');
    expect(section.industry_method?.partial_classes).toEqual([
      { industry_code: '3961', category_code: '01', industry_value_added_cny: 1000, share: 0.25, share_source: 'configured', value_added_cny: 250 },
    ]);
    expect(section.industry_method?.value_added_cny).toBe(650);
    expect(section.difference_cny).toBe(-440);
  });

  it('industry data only: the industry method is the headline; a partial class without enterprises is left out and listed; no GDP gives a null share', () => {
    const input: PatentIntensiveInput = {
      classificationVersion: 'v1',
      years: [{ year: 2024, enterprisesWithAccounts: 0, enterpriseValueAddedCny: null, industryRows: 2, gdpCny: null }],
      classes: [
        cls({ year: 2024, industryCode: '2710', categoryCode: '05', industryValueAddedCny: '700.00' }),
        cls({ year: 2024, industryCode: '3961', categoryCode: '01', partial: true, industryValueAddedCny: '300.00' }),
      ],
    };
    const { section, indicator } = patentIntensiveFigures(input, city({ code: '320500' }), '2025-06');
    expect(section.method).toBe('industry');
    expect(section.value_added_cny).toBe(700);
    expect(section.by_category).toEqual({ ...zeros, '05': 700 });
    expect(section.share_of_gdp).toBeNull();
    expect(section.enterprise_method).toBeNull();
    expect(section.difference_cny).toBeNull();
    expect(section.industry_method?.excluded_partial_classes).toEqual([
      { industry_code: '3961', category_code: '01', industry_value_added_cny: 300, reason: 'partial class without a configured share and without enterprise accounts to derive one' },
    ]);
    expect(section.notes).toEqual([
      'industry method: 1 partial class(es) left out (no configured share and none derivable): 3961',
      'no GDP (city_accounts) for 2024: share_of_gdp is null',
    ]);
    // No 2023 figure of the industry method: neither growth nor CAGR.
    expect(section.growth).toBeNull();
    expect(indicator.annual).toEqual({ '2023': null, '2024': 700 });
    expect(indicator.status).toBe('no_data');
    expect(section.null_reasons).toEqual({ share_of_gdp: 'not_covered', growth: 'not_covered', cagr_since_base: 'not_covered' });
    expect(indicator.null_reasons).toEqual({
      month: 'not_applicable',
      month_yoy_growth: 'not_applicable',
      ytd: 'not_applicable',
      ytd_prev: 'not_applicable',
      yoy_growth: 'not_covered',
      cagr_since_base: 'not_covered',
      cumulative: 'not_applicable',
      annual: { '2023': 'not_covered' },
      status: 'not_covered',
    });
  });

  it('enterprise data only, negative value added (operating loss): counted as is, no category mix, no CAGR', () => {
    const input: PatentIntensiveInput = {
      classificationVersion: 'v1',
      years: [
        { year: 2023, enterprisesWithAccounts: 1, enterpriseValueAddedCny: '20.00', industryRows: 0, gdpCny: '1000.00' },
        { year: 2024, enterprisesWithAccounts: 1, enterpriseValueAddedCny: '-10.00', industryRows: 0, gdpCny: '1000.00' },
      ],
      classes: [
        cls({ year: 2023, industryCode: '6513', categoryCode: '02', countedEnterpriseCount: 1, enterpriseValueAddedCny: '20.00' }),
        cls({ year: 2024, industryCode: '6513', categoryCode: '02', countedEnterpriseCount: 1, enterpriseValueAddedCny: '-10.00' }),
      ],
    };
    const { section, indicator } = patentIntensiveFigures(input, city({ code: '310000' }), '2025-06');
    expect(section.method).toBe('enterprise');
    expect(section.value_added_cny).toBe(-10);
    expect(section.share_of_gdp).toBe(-0.01);
    expect(section.growth).toBe(-1.5); // −10 / 20 − 1
    expect(section.cagr_since_base).toBeNull();
    expect(section.null_reasons).toEqual({ cagr_since_base: 'negative_value' }); // no real root of −10 / 20
    expect(section.category_mix).toEqual(nulls);
    expect(section.industry_method).toBeNull();
    expect(indicator.status).toBe('behind');
  });

  it('marks a demonstration classification on the figures', () => {
    const { section } = patentIntensiveFigures({ ...SHENZHEN, classificationVersion: 'demo-2019' }, city(), '2025-06');
    expect(section.classification_version).toBe('demo-2019');
    expect(section.classification_is_demonstration).toBe(true);
    expect(section.notes[0]).toBe('computed from the DEMONSTRATION classification demo-2019, not the official 2019 classification: not for publication');
  });

  it('uses only complete years: a report of 2024-06 cannot show 2024, and says there is nothing earlier', () => {
    const onlyLater: PatentIntensiveInput = { ...SHENZHEN, years: SHENZHEN.years.filter((row) => row.year === 2024) };
    const { section, indicator } = patentIntensiveFigures(onlyLater, city(), '2024-06');
    expect(section.year).toBeNull();
    expect(section.value_added_cny).toBeNull();
    expect(section.by_category).toEqual(nulls);
    expect(section.notes).toEqual(['no enterprise or industry accounts of the city for 2023 or earlier']);
    expect(indicator.annual).toEqual({ '2023': null });
    expect(indicator.null_reasons.annual).toEqual({ '2023': 'no_data' });
    expect(section.null_reasons.value_added_cny).toBe('no_data');
    // A report of 2024-12 shows 2024.
    expect(patentIntensiveFigures(onlyLater, city(), '2024-12').section.year).toBe(2024);
  });

  it('cannot derive a share when patent holders produce more than the whole class (others have losses)', () => {
    const input: PatentIntensiveInput = {
      classificationVersion: 'v1',
      years: [{ year: 2024, enterprisesWithAccounts: 0, enterpriseValueAddedCny: null, industryRows: 1, gdpCny: null }],
      classes: [cls({ year: 2024, industryCode: '3961', categoryCode: '01', partial: true, enterpriseValueAddedAllCny: '50.00', enterpriseValueAddedHoldersCny: '80.00', industryValueAddedCny: '300.00' })],
    };
    const { section } = patentIntensiveFigures(input, city(), '2025-06');
    expect(section.value_added_cny).toBe(0);
    expect(section.industry_method?.excluded_partial_classes.map((c) => c.reason)).toEqual([
      "partial class without a configured share; the patent holders' share of its enterprise value added is outside 0–1 (negative value added), so no share can be derived",
    ]);
  });
});
