import { describe, expect, it } from 'vitest';
import { renderIndexHtml } from '../../../../etl/reports/index-page/render-index-html.ts';
import type { Report } from '../../../../etl/reports/report-schema.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

function cellsOfRow(html: string): string[] {
  const row = /<tr>\n<th scope="row">[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
  return [...row.matchAll(/<td class="num">([\s\S]*?)<\/td>/g)].map((match) => match[1]!.replace(/<br>/g, ' | ').replace(/<[^>]+>/g, ''));
}

describe('index.html', () => {
  it('prints each city’s headline figures rounded half away from zero on the exact decimal', () => {
    const indicators = FIXTURE_REPORT.indicators;
    const report: Report = {
      ...FIXTURE_REPORT,
      indicators: {
        ...indicators,
        ip_transfer_licence_count: { ...indicators.ip_transfer_licence_count, ytd: 1234567, yoy_growth: -0.00004 },
        pledge_amount_cny: { ...indicators.pledge_amount_cny, ytd: 100500000, yoy_growth: 0.1235 },
        patent_contract_turnover_cny: { ...indicators.patent_contract_turnover_cny, ytd: 123456789012.35, yoy_growth: -0.1234565 },
      },
    };
    const [transfers, pledges, contracts] = cellsOfRow(renderIndexHtml({ period: '2025-06', reports: [report], files: ['report.html'] }));
    expect(transfers).toBe('1,234,567 | 0.0%');
    expect(pledges).toBe('1.01 亿元 | +12.4%');
    expect(contracts).toBe('1,234.57 亿元 | -12.3%');
  });
});
