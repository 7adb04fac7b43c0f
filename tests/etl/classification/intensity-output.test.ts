/** The CSV of `ipstats classify` is written for spreadsheets: formula-leading text is neutralised. */
import { describe, expect, it } from 'vitest';
import { analyseIntensity } from '../../../etl/classification/intensity-analysis.ts';
import { intensityCsv } from '../../../etl/classification/intensity-output.ts';

describe('intensityCsv', () => {
  it('quotes text cells a spreadsheet would read as a formula and leaves the figures as numbers', () => {
    const analysis = analyseIntensity({
      year: 2024,
      classes: [{ industryCode: '3911', enterpriseCount: 1, employees: 1000, enterprisesWithoutEmployees: 0, inventionGrants5y: 10 }],
      classificationVersion: '2019',
      official: [{ industryCode: '3911', categoryCode: '=1+1', partial: false }],
    });
    const named = { ...analysis, rows: analysis.rows.map((row) => ({ ...row, industry_name: '=HYPERLINK("http://x.example")' })) };
    expect(intensityCsv(named)).toBe(
      'industry_code,industry_name,enterprises,employees,enterprises_without_employees,invention_patents_5y,patents_per_10k_employees,candidate,official_category,official_partial,comparison\n' +
        '3911,"\'=HYPERLINK(""http://x.example"")",1,1000,0,10,100,false,\'=1+1,false,only_official\n',
    );
  });
});
