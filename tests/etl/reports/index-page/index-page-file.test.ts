/**
 * The index of a period published with a run's reports (indexPageFile): the reports already in
 * the store overlaid with those about to be published — a city of the run is listed once, with
 * its new figures, and a format is linked only when every city has it, pending ones included.
 */
import { describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../../../etl/lake/local-object-store.ts';
import { publishReportSet } from '../../../../etl/reports/delivery/published-reports.ts';
import { renderReportFiles } from '../../../../etl/reports/delivery/report-files.ts';
import { indexPageFile } from '../../../../etl/reports/index-page/write-index-page.ts';
import type { Report } from '../../../../etl/reports/report-schema.ts';
import { tempDir } from '../../../support/temp-dir.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

const SHENZHEN = FIXTURE_REPORT;
const SHANGHAI: Report = { ...FIXTURE_REPORT, city: { ...FIXTURE_REPORT.city, code: '310000', name: '上海市' } };

/** The city rows of the index: the heading cell's text and the links. */
function rows(html: string): { city: string; links: string[] }[] {
  return [...html.matchAll(/<tr>\n<th scope="row">([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)].map((match) => ({
    city: match[1]!.replace(/<[^>]+>/g, ''),
    links: [...match[2]!.matchAll(/<a href="([^"]+)">/g)].map((link) => link[1]!),
  }));
}

describe('indexPageFile', () => {
  it('lists a city of the run once, with its pending report, and links only the formats every city has', async () => {
    const store = new LocalObjectStore(await tempDir('index-page-file'));
    const all = ['json', 'html', 'xlsx'] as const;
    const published = [SHENZHEN, SHANGHAI];
    await publishReportSet(
      store,
      await Promise.all(published.map(async (report) => ({ report, files: await renderReportFiles(report, { formats: all, language: 'zh', nationalMix: null }) }))),
    );
    // Shenzhen again, renamed so the row shows which report was used, without its workbook.
    const pending: Report = { ...SHENZHEN, city: { ...SHENZHEN.city, name: '深圳市（新）' } };
    const index = await indexPageFile(store, SHENZHEN.period, 'zh', [{ report: pending, formats: ['json', 'html'] }]);

    expect(index.key).toBe('index/period=2025-06/index.html');
    expect(rows(String(index.body))).toEqual([
      { city: '上海市 310000', links: ['../../reports/city=310000/period=2025-06/report.html', '../../reports/city=310000/period=2025-06/report.json'] },
      { city: '深圳市（新） 440300', links: ['../../reports/city=440300/period=2025-06/report.html', '../../reports/city=440300/period=2025-06/report.json'] },
    ]);
  });
});
