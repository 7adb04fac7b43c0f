import { describe, expect, it } from 'vitest';
import { reportSummaryTable } from '../../../etl/cli/report-summary.ts';
import { parseCityConfig } from '../../../etl/config/city-config.ts';
import { assembleReport } from '../../../etl/reports/assemble-report.ts';
import { rankedAlone } from '../../support/ranked-reports.ts';
import type { ReportInput } from '../../../etl/reports/report-inputs.ts';

const city = parseCityConfig(JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024 }] }), 'cities.json').cities[0]!;

const input = (classificationVersion: string): ReportInput => ({
  city,
  period: '2025-06',
  generatedAt: '2025-07-05T02:00:00+08:00',
  classificationVersion: null,
  coverage: {},
  series: {},
  transferFlows: [],
  giOutput: { monthly: [], usersYearToDate: [] },
  quality: { cityRows: [], files: [], lakeLastMonths: {} },
  previousReport: null,
  revisionSources: [],
  patentIntensive: {
    classificationVersion,
    years: [{ year: 2024, enterprisesWithAccounts: 1, enterpriseValueAddedCny: '1234567890.00', industryRows: 0, gdpCny: '10000000000.00' }],
    classes: [
      {
        year: 2024, industryCode: '3911', categoryCode: '01', partial: false, enterpriseCount: 1, countedEnterpriseCount: 1, countedProductionApproachCount: 0,
        enterpriseValueAddedCny: '1234567890.00', enterpriseValueAddedAllCny: '1234567890.00', enterpriseValueAddedHoldersCny: '0.00', industryValueAddedCny: null,
      },
    ],
  },
});

describe('the run summary table shows patent-intensive value added', () => {
  it('marks figures of a demonstration classification on the face of the output', () => {
    const report = rankedAlone(assembleReport(input('demo-2019')));
    expect(report.classification_version).toBe('demo-2019');
    expect(report.classification_is_demonstration).toBe(true);
    const text = reportSummaryTable([{ city, key: 'k', report }]);
    expect(text).toMatch(/^440300 深圳市 .* 12\.35 \(2024\) \*\s+12\.35%/m);
    expect(text).toMatch(/^440300 深圳市\s+2024\s+enterprise\s+demo-2019\s+12\.35\s+0\.00\s+0\.00\s+0\.00\s+0\.00\s+0\.00\s+0\.00\s+12\.35$/m);
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '* patent-intensive value added computed from the DEMONSTRATION classification demo-2019, not the official 2019 table: not for publication',
    );
  });

  it('has no mark for an official version', () => {
    const report = rankedAlone(assembleReport(input('2019')));
    expect(report.classification_is_demonstration).toBe(false);
    const text = reportSummaryTable([{ city, key: 'k', report }]);
    expect(text).toMatch(/12\.35 \(2024\)\s+12\.35%/);
    expect(text).not.toContain('*');
  });
});
