/**
 * The index files of a month (indexFiles over periodPeers), as `ipstats report --city 440300`
 * makes them: Shenzhen's new report over the reports the output already publishes, a configured
 * city without a report listed as missing; index.json and index.xlsx read back against the reports.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../../../etl/lake/local-object-store.ts';
import { publishReportSet } from '../../../../etl/reports/delivery/published-reports.ts';
import { renderReportFiles } from '../../../../etl/reports/delivery/report-files.ts';
import { INDICATOR_IDS } from '../../../../etl/reports/indicators.ts';
import { IndexJsonSchema, type IndexJson } from '../../../../etl/reports/index-page/index-json-schema.ts';
import { INDEX_TABLE_NAME } from '../../../../etl/reports/index-page/render-index-xlsx.ts';
import { indexFiles } from '../../../../etl/reports/index-page/write-index-page.ts';
import { periodPeers, type PeriodPeers } from '../../../../etl/reports/peers/period-peers.ts';
import type { PublishedFile } from '../../../../etl/reports/delivery/staged-publication.ts';
import type { Report, UnrankedReport } from '../../../../etl/reports/report-schema.ts';
import { tempDir } from '../../../support/temp-dir.ts';
import { zipEntryText } from '../../../support/zip-entries.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

const i = FIXTURE_REPORT.indicators;
// Published: Shenzhen (pledges 123,456,789.50) and Shanghai (pledges 200,000,000.00).
const SHANGHAI: Report = { ...FIXTURE_REPORT, city: { code: '310000', name: '上海市' }, indicators: { ...i, pledge_amount_cny: { ...i.pledge_amount_cny, ytd: 200000000 } } };
// This run: Shenzhen again, now with 300,000,000.00 of pledges — first, where the published report was second.
const { peer_ranks: _ranks, ...unranked } = FIXTURE_REPORT;
const SHENZHEN_NEW: UnrankedReport = { ...unranked, indicators: { ...i, pledge_amount_cny: { ...i.pledge_amount_cny, ytd: 300000000 } } };
const CONFIGURED = [
  { code: '440300', name: '深圳市' },
  { code: '310000', name: '上海市' },
  { code: '320500', name: '苏州市' },
];

let peers: PeriodPeers;
let files: PublishedFile[];
let json: IndexJson;

beforeAll(async () => {
  const store = new LocalObjectStore(await tempDir('index-files'));
  await publishReportSet(
    store,
    await Promise.all([FIXTURE_REPORT, SHANGHAI].map(async (report) => ({ report, files: await renderReportFiles(report, { formats: ['json', 'html', 'xlsx'], language: 'zh', nationalMix: null }) }))),
  );
  // The next month's index exists, the previous month's does not.
  await store.put('index/period=2025-07/index.html', '<!DOCTYPE html>');
  peers = await periodPeers({ store, period: '2025-06', configured: CONFIGURED, runReports: [SHENZHEN_NEW] });
  files = await indexFiles({ store, peers, language: 'zh', pendingFormats: new Map([['440300', ['json', 'html']]]) });
  json = IndexJsonSchema.parse(JSON.parse(String(files[2]!.body)));
});

describe('the peers of a month', () => {
  it('compare this run’s report with the published ones of the other configured cities', () => {
    expect(peers.cities.map((city) => [city.code, city.report?.city.name ?? null])).toEqual([
      ['310000', '上海市'],
      ['320500', null],
      ['440300', '深圳市'],
    ]);
    expect(peers.ranks.get('440300')!.by_indicator.pledge_amount_cny).toEqual({ rank: 1, of: 2, value_field: 'ytd' });
    expect(peers.ranks.get('310000')!.by_indicator.pledge_amount_cny).toEqual({ rank: 2, of: 2, value_field: 'ytd' });
    expect(peers.ranks.get('440300')!.missing).toEqual(['320500']);
  });
});

describe('index files', () => {
  it('are index.html, index.xlsx and index.json beside each other', () => {
    expect(files.map((file) => [file.key, file.contentType])).toEqual([
      ['index/period=2025-06/index.html', 'text/html; charset=utf-8'],
      ['index/period=2025-06/index.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['index/period=2025-06/index.json', 'application/json'],
    ]);
  });

  it('index.html links the formats every city has, and the next month’s index only', () => {
    const html = String(files[0]!.body);
    expect(html).toContain('<a href="../../reports/city=310000/period=2025-06/report.html">html</a> · <a href="../../reports/city=310000/period=2025-06/report.json">json</a></td>');
    expect(html).toContain('<a rel="next" href="../period=2025-07/index.html">');
    expect(html).not.toContain('rel="prev"');
  });

  it('index.json lists every configured city with its files, and one row per city, indicator and measure', () => {
    expect(json.period).toBe('2025-06');
    expect(json.cities).toEqual([
      {
        code: '310000',
        name: '上海市',
        status: 'reported',
        files: ['json', 'html', 'xlsx'].map((format) => `../../reports/city=310000/period=2025-06/report.${format}`),
      },
      { code: '320500', name: '苏州市', status: 'missing', files: [] },
      { code: '440300', name: '深圳市', status: 'reported', files: ['json', 'html'].map((format) => `../../reports/city=440300/period=2025-06/report.${format}`) },
    ]);
    expect(json.value_fields.patent_intensive_value_added_cny).toBe('annual.2024');
    // Per city: 5 monthly flows × (month, ytd, ytd_prev, yoy, cagr, rank, rank_of) + 6 cumulative × (month, ytd,
    // ytd_prev, yoy, cumulative, rank, rank_of) + patent-intensive (yoy, cagr, annual, rank, rank_of) = 35 + 42 + 5.
    expect(json.rows.filter((row) => row.city_code === '440300')).toHaveLength(82);
    expect(json.rows).toHaveLength(164);
    const find = (city: string, indicator: string, measure: string) => json.rows.find((row) => row.city_code === city && row.indicator === indicator && row.measure === measure);
    expect(find('440300', 'pledge_amount_cny', 'ytd')).toEqual({
      city_code: '440300',
      city_name: '深圳市',
      indicator: 'pledge_amount_cny',
      indicator_name_zh: '知识产权质押融资金额',
      period: '2025-06',
      measure: 'ytd',
      value: 300000000,
      unit: 'cny',
      null_reason: null,
    });
    expect(find('440300', 'pledge_amount_cny', 'rank')).toMatchObject({ value: 1, unit: 'rank', null_reason: null });
    expect(find('310000', 'pledge_amount_cny', 'rank')).toMatchObject({ value: 2, unit: 'rank' });
    expect(find('310000', 'pledge_amount_cny', 'rank_of')).toMatchObject({ value: 2, unit: 'cities' });
    expect(find('440300', 'pledge_amount_cny', 'yoy_growth')).toMatchObject({ value: i.pledge_amount_cny.yoy_growth, unit: 'ratio' });
    // Null values keep their row and say why; not-applicable figures have no row.
    expect(find('440300', 'patent_intensive_value_added_cny', 'annual')).toMatchObject({ value: null, null_reason: 'no_classification' });
    expect(find('440300', 'patent_intensive_value_added_cny', 'rank')).toMatchObject({ value: null, null_reason: 'no_classification' });
    expect(find('440300', 'pledge_amount_cny', 'cumulative')).toBeUndefined();
    // Every figure row is the report's own value.
    for (const row of json.rows.filter((one) => ['month', 'ytd', 'ytd_prev', 'yoy_growth', 'cagr_since_base', 'cumulative'].includes(one.measure))) {
      const report = row.city_code === '440300' ? SHENZHEN_NEW : SHANGHAI;
      expect(row.value, `${row.city_code} ${row.indicator} ${row.measure}`).toBe(report.indicators[row.indicator][row.measure as 'ytd']);
    }
  });

  it('index.xlsx is one Excel Table with filter buttons, a real date column, and the rows of index.json', async () => {
    const bytes = files[1]!.body as Uint8Array;
    const table = zipEntryText(bytes, 'xl/tables/table1.xml')!;
    expect(table).toContain(`name="${INDEX_TABLE_NAME}"`);
    expect(table).toContain('ref="A1:J165"');
    expect(table).toContain('<autoFilter ref="A1:J165"');
    expect(table).not.toContain('totalsRowCount');
    expect(table.match(/<filterColumn colId="\d" hiddenButton="0"\/>/g)).toHaveLength(10);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '说明']);
    const sheet = workbook.getWorksheet('汇总')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['城市代码', '城市', '指标代码', '指标名称', '月份', '月份首日', '度量', '数值', '单位', '空值原因']);
    expect(sheet.rowCount).toBe(165);
    json.rows.forEach((row, index) => {
      const cells = (sheet.getRow(index + 2).values as unknown[]).slice(1);
      expect(cells[0]).toBe(row.city_code);
      expect(cells[4]).toBe('2025-06');
      expect((cells[5] as Date).toISOString()).toBe('2025-06-01T00:00:00.000Z');
      expect(cells[6]).toBe(row.measure);
      // exceljs reads an empty cell back as undefined: null is an empty cell, never 0.
      expect(cells[7], `${row.city_code} ${row.indicator} ${row.measure}`).toBe(row.value ?? undefined);
    });
    const pledgeRow = json.rows.findIndex((row) => row.city_code === '440300' && row.indicator === 'pledge_amount_cny' && row.measure === 'ytd') + 2;
    expect(sheet.getRow(pledgeRow).getCell(8).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(pledgeRow).getCell(6).numFmt).toBe('yyyy-mm-dd');
    const annualRow = json.rows.findIndex((row) => row.city_code === '440300' && row.measure === 'annual') + 2;
    expect(sheet.getRow(annualRow).getCell(10).value).toBe('未载入专利密集型产业分类');
    expect(workbook.getWorksheet('说明')!.getRow(4).values).toEqual([undefined, '无本月报告城市', '苏州市（320500）']);
    expect(INDICATOR_IDS).toHaveLength(12);
  });
});
