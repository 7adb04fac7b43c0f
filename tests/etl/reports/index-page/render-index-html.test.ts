/**
 * index.html of a month: one sortable table of every configured city (plain HTML first, the
 * script only enhances it), each indicator's ranked figure with the city's rank, status counts
 * in words, links, and the neighbouring months' index when the output holds them.
 */
import { describe, expect, it } from 'vitest';
import { renderIndexHtml } from '../../../../etl/reports/index-page/render-index-html.ts';
import type { Report } from '../../../../etl/reports/report-schema.ts';
import { periodPeersOf } from '../../../support/ranked-reports.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

const i = FIXTURE_REPORT.indicators;
/** Shanghai: more transfers (2,000 > 1,237), the same pledge financing (a tie), a null turnover. */
const SHANGHAI: Report = {
  ...FIXTURE_REPORT,
  city: { code: '310000', name: '上海市' },
  indicators: {
    ...i,
    ip_transfer_licence_count: { ...i.ip_transfer_licence_count, ytd: 2000 },
    patent_contract_turnover_cny: { ...i.patent_contract_turnover_cny, ytd: null, null_reasons: { ...i.patent_contract_turnover_cny.null_reasons, ytd: 'not_yet_reported' } },
  },
};
const PEERS = periodPeersOf('2025-06', [
  { code: '440300', name: '深圳市', report: FIXTURE_REPORT },
  { code: '310000', name: '上海市', report: SHANGHAI },
  { code: '320500', name: '苏州市', report: null },
]);

/** Each body row: the heading's text and every cell's data-sort and text (tags stripped). */
function rows(html: string): { city: string; cells: { sort: string; text: string }[] }[] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr[^>]*>\n<th scope="row" data-sort="(\d+)">([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)].map((match) => ({
    city: `${match[1]} ${match[2]!.replace(/<[^>]+>/g, '')}`,
    cells: [...match[3]!.matchAll(/<td[^>]*?(?: data-sort="([^"]*)")?>([\s\S]*?)<\/td>/g)].map((cell) => ({ sort: cell[1] ?? '', text: cell[2]!.replace(/<br>/g, ' | ').replace(/<[^>]+>/g, '') })),
  }));
}

describe('index.html', () => {
  const html = renderIndexHtml({ peers: PEERS, files: ['report.html', 'report.json'], previousPeriod: '2025-05', nextPeriod: null });
  const [shanghai, suzhou, shenzhen] = rows(html);

  it('lists every configured city by code, a city without a report too', () => {
    expect([shanghai, suzhou, shenzhen].map((row) => row?.city)).toEqual(['310000 上海市 310000', '320500 苏州市 320500', '440300 深圳市 440300']);
    expect(suzhou!.cells.slice(0, 12).every((cell) => cell.text === '—' && cell.sort === '')).toBe(true);
    expect(suzhou!.cells[12]!.text).toBe('本月无报告');
  });

  it('gives each indicator’s ranked figure with the rank, ties sharing it, a null not ranked and saying why', () => {
    // Transfers (ytd): Shanghai 2,000 first, Shenzhen 1,237 second.
    expect(shanghai!.cells[0]).toEqual({ sort: '2000', text: '2,000 | 第 1 / 2' });
    expect(shenzhen!.cells[0]).toEqual({ sort: '1237', text: '1,237 | 第 2 / 2' });
    // Pledge financing (ytd): the same 123,456,789.50 yuan, both first.
    expect(shanghai!.cells[1]).toEqual({ sort: '123456789.5', text: '12,345.68 | 第 1 / 2' });
    expect(shenzhen!.cells[1]).toEqual({ sort: '123456789.5', text: '12,345.68 | 第 1 / 2' });
    // Contract turnover: Shanghai's is null, so Shenzhen is first of one.
    expect(shanghai!.cells[3]).toEqual({ sort: '', text: '— | 数据源尚未报送' });
    expect(shenzhen!.cells[3]).toEqual({ sort: '45678.9', text: '4.57 | 第 1 / 1' });
    // Operation centres (cumulative): 3 each.
    expect(shenzhen!.cells[9]).toEqual({ sort: '3', text: '3 | 第 1 / 2' });
    // Patent-intensive value added (annual 2024): no classification anywhere.
    expect(shenzhen!.cells[10]).toEqual({ sort: '', text: '— | 未载入专利密集型产业分类' });
  });

  it('counts statuses in words, not by colour alone, and links each city’s files', () => {
    const statuses = FIXTURE_REPORT.indicators;
    const count = (status: string) => Object.values(statuses).filter((one) => one.status === status).length;
    expect(shenzhen!.cells[12]).toEqual({
      sort: String(count('met')),
      text: `✔ 已达标 ${count('met')} · ▲ 进度正常 ${count('on_track')} · ✖ 落后 ${count('behind')} · 无法评价 ${count('no_data')}`,
    });
    expect(shenzhen!.cells[13]!.text).toBe('html · json');
    expect(html).toContain('<a href="../../reports/city=440300/period=2025-06/report.html">html</a>');
  });

  it('is a plain sortable table: aria-sort on every sortable header, sorted by city to start with, and one inline script', () => {
    const head = html.slice(html.indexOf('<thead>'), html.indexOf('</thead>'));
    expect(head.match(/aria-sort="ascending"/g)).toHaveLength(1);
    expect(head).toContain('<th scope="col" aria-sort="ascending">城市</th>');
    expect(head.match(/aria-sort="none"/g)).toHaveLength(13);
    expect(head).toContain('<th scope="col" class="num" aria-sort="none">知识产权质押融资金额 · 本年累计（万元）</th>');
    expect(head).toContain('<th scope="col" class="num" aria-sort="none">产业知识产权运营中心数 · 建设期累计（个）</th>');
    expect(head).toContain('<th scope="col" class="num" aria-sort="none">专利密集型产业增加值 · 2024年（万元）</th>');
    expect(head).toContain('<th scope="col">报告文件</th>');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain("document.getElementById('cities')");
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('links the previous and the next month only when their index exists', () => {
    expect(html).toContain('<a rel="prev" href="../period=2025-05/index.html">← 上月汇总（2025年5月）</a>');
    expect(html).not.toContain('rel="next"');
    const both = renderIndexHtml({ peers: PEERS, files: [], previousPeriod: null, nextPeriod: '2025-07', language: 'en' });
    expect(both).not.toContain('rel="prev"');
    expect(both).toContain('<a rel="next" href="../period=2025-07/index.html">next month (July 2025) →</a>');
    const none = renderIndexHtml({ peers: PEERS, files: [] });
    expect(none).not.toContain('<nav class="months">');
  });

  it('prints each figure rounded half away from zero on the exact decimal', () => {
    const report: Report = {
      ...FIXTURE_REPORT,
      indicators: {
        ...i,
        ip_transfer_licence_count: { ...i.ip_transfer_licence_count, ytd: 1234567 },
        pledge_amount_cny: { ...i.pledge_amount_cny, ytd: 10050 },
        patent_contract_turnover_cny: { ...i.patent_contract_turnover_cny, ytd: 123456789012.35 },
      },
    };
    const [row] = rows(renderIndexHtml({ peers: periodPeersOf('2025-06', [{ code: '440300', name: '深圳市', report }]), files: ['report.html'] }));
    expect(row!.cells.slice(0, 4).map((cell) => cell.text.split(' | ')[0])).toEqual(['1,234,567', '1.01', '0', '12,345,678.90']);
    // One unit per column, in the header: 10,050 元 = 1.005 万元 → 1.01; 123,456,789,012.35 元 = 12,345,678.901235 万元.
  });

  it('scrolls its table inside a named region on a phone, and prints on A4 landscape with the title and page numbers', () => {
    const page = renderIndexHtml({ peers: PEERS, files: ['report.html'] });
    expect(page).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="知识产权运营服务体系建设月度统计报告汇总（2025年6月）">\n<table id="cities">');
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    expect(style).toContain('@page{size:A4 landscape;');
    expect(style).toContain('@top-left{content:"知识产权运营服务体系建设月度统计报告汇总（2025年6月）";');
    expect(style).toContain('@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";');
  });
});
