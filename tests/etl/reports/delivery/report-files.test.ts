import { describe, expect, it } from 'vitest';
import { renderReportFiles } from '../../../../etl/reports/delivery/report-files.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

const linkedFiles = (html: string) => [...html.matchAll(/<a rel="alternate" href="([^"]+)"/g)].map((match) => match[1]);

describe('renderReportFiles: the links of report.html', () => {
  it('link report.json (always written) and not a report.xlsx that is not written', async () => {
    const files = await renderReportFiles(FIXTURE_REPORT, { formats: ['html'], language: 'zh', nationalMix: null });
    expect(files.map((file) => file.format)).toEqual(['json', 'html']);
    expect(linkedFiles(files[1]!.body as string)).toEqual(['report.json']);
  });

  it('link report.xlsx when it is written', async () => {
    const files = await renderReportFiles(FIXTURE_REPORT, { formats: ['html', 'xlsx'], language: 'zh', nationalMix: null });
    expect(linkedFiles(files.find((file) => file.format === 'html')!.body as string)).toEqual(['report.json', 'report.xlsx']);
  });
});
