/** A report.json published before a field existed still reads back; a new report must carry it. */
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS } from '../../../etl/reports/indicators.ts';
import { ReportValidationError, validatePublishedReport, validateReport } from '../../../etl/reports/report-schema.ts';
import { FIXTURE_REPORT } from './html/report-fixture.ts';

/** The fixture as published before 本月同比: no month_yoy_growth and no reason for it. */
function withoutMonthYoy(): unknown {
  const copy = structuredClone(FIXTURE_REPORT) as unknown as { indicators: Record<string, { month_yoy_growth?: unknown; null_reasons: { month_yoy_growth?: unknown } }> };
  for (const id of INDICATOR_IDS) {
    delete copy.indicators[id]!.month_yoy_growth;
    delete copy.indicators[id]!.null_reasons.month_yoy_growth;
  }
  return copy;
}

describe('month_yoy_growth in published and new reports', () => {
  it('a published report without it reads back', () => {
    expect(validatePublishedReport(withoutMonthYoy()).indicators.pledge_amount_cny.month_yoy_growth).toBeUndefined();
  });

  it('a new report without it breaks the contract', () => {
    expect(() => validateReport(withoutMonthYoy())).toThrow(ReportValidationError);
  });

  it('a null without its reason breaks the contract, published or new', () => {
    const copy = structuredClone(FIXTURE_REPORT);
    const pledges = copy.indicators.pledge_amount_cny as unknown as { month_yoy_growth: number | null; null_reasons: Record<string, string> };
    pledges.month_yoy_growth = null;
    delete pledges.null_reasons['month_yoy_growth'];
    expect(() => validateReport(copy)).toThrow(/pledge_amount_cny\.null_reasons\.month_yoy_growth/);
    expect(() => validatePublishedReport(copy)).toThrow(/month_yoy_growth is null without a reason/);
  });

  it('the fixture carries the hand-computed value: 2025-06 over 2024-06', () => {
    // pledges 123,456,789.50 in 2025-06 over 250,000,000 in 2024-06 − 1 = −0.506172842 → −0.506173
    expect(FIXTURE_REPORT.indicators.pledge_amount_cny.month_yoy_growth).toBe(-0.506173);
    // transfers 1,234 over 9 − 1 = 136.111111…
    expect(FIXTURE_REPORT.indicators.ip_transfer_licence_count.month_yoy_growth).toBe(136.111111);
  });
});
