/** The figure each indicator is ranked by, read from a real assembled report (docs/indicators.md "Rank among the configured cities"). */
import { describe, expect, it } from 'vitest';
import { headlinesOf, rankValueField } from '../../../../etl/reports/peers/peer-headlines.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

describe('headline figures', () => {
  it('is ytd for monthly flows, cumulative for cumulative indicators, the latest complete year for the annual one', () => {
    expect(rankValueField('ip_transfer_licence_count', '2025-06')).toBe('ytd');
    expect(rankValueField('gi_output_value_cny', '2025-06')).toBe('ytd');
    expect(rankValueField('operation_centre_count', '2025-06')).toBe('cumulative');
    expect(rankValueField('patent_intensive_value_added_cny', '2025-06')).toBe('annual.2024');
    expect(rankValueField('patent_intensive_value_added_cny', '2025-12')).toBe('annual.2025');
  });

  it('takes the values of the report, and the reason of a null one', () => {
    const { city, figures } = headlinesOf(FIXTURE_REPORT);
    expect(city).toBe('440300');
    // 2025: 3 in February + 1,234 in June.
    expect(figures.ip_transfer_licence_count).toEqual({ value: 1237 });
    expect(figures.pledge_amount_cny).toEqual({ value: 123456789.5 });
    // 45,678.90 in May.
    expect(figures.patent_contract_turnover_cny).toEqual({ value: 45678.9 });
    // Three centres in September 2024, counted from the programme start (2024).
    expect(figures.operation_centre_count).toEqual({ value: 3 });
    // No classification loaded: the 2024 value is null for that reason.
    expect(figures.patent_intensive_value_added_cny).toEqual({ value: null, null_reason: 'no_classification' });
  });

  it('has no complete year to compare when the base year is after the latest complete one', () => {
    const annualOnly2025 = {
      ...FIXTURE_REPORT,
      indicators: { ...FIXTURE_REPORT.indicators, patent_intensive_value_added_cny: { ...FIXTURE_REPORT.indicators.patent_intensive_value_added_cny, annual: {}, null_reasons: {} } },
    };
    expect(headlinesOf(annualOnly2025).figures.patent_intensive_value_added_cny).toEqual({ value: null, null_reason: 'no_complete_year' });
  });
});
