import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../../etl/reports/html/render-report-html.ts';
import type { Report } from '../../../../etl/reports/report-schema.ts';
import { FIXTURE_REPORT } from './report-fixture.ts';

const DEMONSTRATION: Report = {
  ...FIXTURE_REPORT,
  classification_version: 'demo-2024',
  classification_is_demonstration: true,
  patent_intensive: { ...FIXTURE_REPORT.patent_intensive, classification_version: 'demo-2024', classification_is_demonstration: true },
};

/** The document's inline stylesheet. */
const styleOf = (page: string) => /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;

describe('report.html: the demonstration banner and the printed page', () => {
  it('opens the page with the banner when the patent-intensive classification is a demonstration', () => {
    const page = renderReportHtml(DEMONSTRATION);
    const main = page.slice(page.indexOf('<main>'));
    expect(main).toMatch(/^<main>\n<p class="demonstration-banner" role="note">演示分类，非官方：本报告专利密集型产业数据按演示分类计算，不得作为正式统计数据使用。<\/p>\n<header class="report-header">/);
    expect(styleOf(page)).toContain('@top-right{content:"演示分类，非官方";');
  });

  it('has the English banner in English', () => {
    expect(renderReportHtml(DEMONSTRATION, { language: 'en' })).toContain('<p class="demonstration-banner" role="note">Demonstration classification, not official: the patent-intensive industry figures');
  });

  it('has neither banner nor printed warning on an official or missing classification', () => {
    const page = renderReportHtml({ ...DEMONSTRATION, patent_intensive: { ...DEMONSTRATION.patent_intensive, classification_version: '2019', classification_is_demonstration: false } });
    expect(page).not.toContain('demonstration-banner"');
    expect(styleOf(page)).not.toContain('@top-right');
    expect(renderReportHtml(FIXTURE_REPORT)).not.toContain('class="demonstration-banner"');
  });

  it('prints the city and month from the report at the top of every page, and the page number at the foot', () => {
    const style = styleOf(renderReportHtml({ ...FIXTURE_REPORT, city: { code: '440300', name: '深圳"市' } }));
    expect(style).toContain('@top-left{content:"深圳\\"市 · 2025年6月 · 知识产权运营服务体系建设月度统计报告";');
    expect(style).toContain('@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";');
    expect(styleOf(renderReportHtml(FIXTURE_REPORT, { language: 'en' }))).toContain('@bottom-center{content:"Page " counter(page) " of " counter(pages) "";');
  });
});
