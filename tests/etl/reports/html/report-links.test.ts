import { describe, expect, it } from 'vitest';
import { labelsFor } from '../../../../etl/reports/html/labels.ts';
import { NullReasonNotes } from '../../../../etl/reports/html/null-reason-notes.ts';
import { renderReportHtml } from '../../../../etl/reports/html/render-report-html.ts';
import { reportLinks } from '../../../../etl/reports/html/sections/report-links.ts';
import type { RenderContext } from '../../../../etl/reports/html/sections/render-context.ts';
import type { Report } from '../../../../etl/reports/report-schema.ts';
import { FIXTURE_REPORT } from './report-fixture.ts';

const COMPARED: Report = { ...FIXTURE_REPORT, revisions: { compared_with: { period: '2025-03', generated_at: '2025-04-05T02:00:00+08:00' }, changes: [] } };

function context(report: Report, language: 'zh' | 'en' = 'zh'): RenderContext {
  const labels = labelsFor(language);
  return { report, language, labels, nationalMix: null, notes: new NullReasonNotes(labels) };
}

describe('reportLinks', () => {
  it('links the json and xlsx written beside the page, the month\'s index and the report it is compared with', () => {
    expect(reportLinks(context(COMPARED), ['json', 'html', 'xlsx'])).toEqual([
      { rel: 'alternate', href: 'report.json', text: '数据文件（report.json）' },
      { rel: 'alternate', href: 'report.xlsx', text: '表格文件（report.xlsx）' },
      { rel: 'index', href: '../../../index/period=2025-06/index.html', text: '2025年6月各市汇总' },
      // The latest earlier report published, not necessarily the month before.
      { rel: 'prev', href: '../period=2025-03/report.html', text: '本市上一份报告（2025年3月）' },
    ]);
  });

  it('links only the formats written, and no previous report for a city\'s first', () => {
    expect(reportLinks(context(FIXTURE_REPORT, 'en'), ['json', 'html'])).toEqual([
      { rel: 'alternate', href: 'report.json', text: 'Data (report.json)' },
      { rel: 'index', href: '../../../index/period=2025-06/index.html', text: 'All cities, June 2025' },
    ]);
  });

  it('puts them in a named nav under the header of report.html, with the formats renderReportHtml is given', () => {
    const page = renderReportHtml(COMPARED, { formats: ['json', 'html'] });
    const nav = /<nav class="report-links" aria-label="相关文件">[\s\S]*?<\/nav>/.exec(page)?.[0] ?? '';
    expect(nav.match(/href="[^"]*"/g)).toEqual(['href="report.json"', 'href="../../../index/period=2025-06/index.html"', 'href="../period=2025-03/report.html"']);
    expect(page.indexOf('</header>')).toBeLessThan(page.indexOf('<nav class="report-links"'));
    // Every format by default.
    expect(renderReportHtml(COMPARED)).toContain('<a rel="alternate" href="report.xlsx">');
  });
});
