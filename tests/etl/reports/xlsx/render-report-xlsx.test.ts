import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipEntryText } from '../../../support/zip-entries.ts';
import { INDICATOR_IDS } from '../../../../etl/reports/indicators.ts';
import { nationalMixFor, readNationalBulletinRows } from '../../../../etl/reports/html/national-mix.ts';
import { renderReportXlsx } from '../../../../etl/reports/xlsx/render-report-xlsx.ts';
import { wan } from './wan.ts';
import { FIXTURE_NATIONAL_MIX, FIXTURE_REPORT, FIXTURE_REPORT_WITH_PATENT_INTENSIVE } from '../html/report-fixture.ts';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no worksheet ${name}`);
  return found;
}

function rowValues(worksheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (worksheet.getRow(row).values as unknown[]).slice(1);
}

const bytes = await renderReportXlsx(FIXTURE_REPORT_WITH_PATENT_INTENSIVE, { nationalMix: FIXTURE_NATIONAL_MIX });
const workbook = await readBack(bytes);

describe('report.xlsx', () => {
  it('has one table a sheet, in this order', () => {
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(['指标总览', '长表数据', '年度数据', '月度数据', '专利密集型产业', '地理标志产品', '高价值发明专利', '数据质量', '全库数据质量', '修订说明', '绩效自评表', '报告说明', '指标解释']);
  });

  it('freezes the Chinese header row of every sheet and sets column widths', () => {
    // 绩效自评表 is laid out as the printed form instead: its own test (self-evaluation-sheet.test.ts).
    for (const worksheet of workbook.worksheets.filter((candidate) => candidate.name !== '绩效自评表')) {
      expect(worksheet.views[0], worksheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(worksheet.getRow(1).font?.bold, worksheet.name).toBe(true);
      expect(worksheet.columns.every((column) => (column.width ?? 0) >= 8), worksheet.name).toBe(true);
    }
    expect(rowValues(sheet(workbook, '指标总览'), 1)).toEqual(['指标代码', '指标名称', '计量单位', '本月', '本月同比', '本年累计', '上年同期累计', '同比增长', '较基期年均增长', '建设期累计', '目标类型', '目标：年均增长', '目标：建设期累计', '状态', '空值原因', '城市排名', '参与排名城市数', '排名依据', '未排名原因']);
  });

  it('gives every indicator a row whose numeric cells are the report.json figures, money in 万元, typed and formatted', () => {
    const indicators = sheet(workbook, '指标总览');
    INDICATOR_IDS.forEach((id, index) => {
      const figures = FIXTURE_REPORT_WITH_PATENT_INTENSIVE.indicators[id];
      const values = rowValues(indicators, index + 2);
      expect(values[0]).toBe(id);
      // exceljs reads an empty cell back as undefined: null in report.json is an empty cell, never 0.
      const amount = (value: number | null) => (value === null ? undefined : figures.unit === 'cny' ? wan(value) : value);
      const cell = (value: number | null) => value ?? undefined;
      expect([values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9]]).toEqual([
        figures.unit === 'cny' ? '万元' : expect.stringMatching(/^[次项件家个]$/),
        amount(figures.month),
        cell(figures.month_yoy_growth),
        amount(figures.ytd),
        amount(figures.ytd_prev),
        cell(figures.yoy_growth),
        cell(figures.cagr_since_base),
        amount(figures.cumulative),
      ]);
      // The target is split by kind: a growth rate, or a level in the row's unit.
      expect([values[11], values[12]]).toEqual(figures.target.kind === 'growth' ? [figures.target.value, undefined] : [undefined, figures.target.value]);
    });
    const pledge = indicators.getRow(INDICATOR_IDS.indexOf('pledge_amount_cny') + 2);
    // 123,456,789.50 元 = 12,345.67895 万元, divided on the decimal.
    expect(pledge.getCell(4).value).toBe(12345.67895);
    expect(pledge.getCell(4).numFmt).toBe('#,##0.00');
    // 本月同比 (the month over the same month a year earlier), 同比增长, the growth target: fractions shown as percentages.
    expect([pledge.getCell(5).value, pledge.getCell(5).numFmt]).toEqual([-0.506173, '0.00%']);
    expect(pledge.getCell(8).numFmt).toBe('0.00%');
    expect(pledge.getCell(12).numFmt).toBe('0.00%');
    expect(pledge.getCell(14).value).toBe('落后');
    // Why each empty cell is empty (not-applicable cells, such as the cumulative of a flow, are not listed).
    expect(pledge.getCell(15).value).toBe('较基期年均增长：基数为零，增长率无法计算');
    const projects = indicators.getRow(INDICATOR_IDS.indexOf('pledge_project_count') + 2);
    expect(projects.getCell(14).value).toBe('暂无法评价');
    expect(projects.getCell(3).value).toBe('项');
    const centres = indicators.getRow(INDICATOR_IDS.indexOf('operation_centre_count') + 2);
    expect(centres.getCell(3).value).toBe('个');
    expect(centres.getCell(10).value).toBe(3);
    expect(centres.getCell(10).numFmt).toBe('#,##0');
    expect(centres.getCell(13).value).toBe(3);
    expect(centres.getCell(13).numFmt).toBe('#,##0');
    // The rank among the configured cities (ranked alone: first of one), of how many, on which figure.
    expect([16, 17, 18, 19].map((column) => centres.getCell(column).value)).toEqual([1, 1, 'cumulative', null]);
    expect(centres.getCell(16).numFmt).toBe('#,##0');
    // Not ranked: empty, with why.
    const patentIntensive = indicators.getRow(INDICATOR_IDS.indexOf('patent_intensive_value_added_cny') + 2);
    expect([16, 17, 18, 19].map((column) => patentIntensive.getCell(column).value)).toEqual([null, 0, 'annual.2024', '未载入专利密集型产业分类']);
  });

  it('lists annual figures by year and the 24 months of the trend, months as dates, money in 万元', () => {
    const annual = sheet(workbook, '年度数据');
    expect(rowValues(annual, 1)).toEqual(['指标代码', '指标名称', '计量单位', '2023年', '2024年', '空值原因']);
    expect(rowValues(annual, 2)).toEqual(['ip_transfer_licence_count', '知识产权转让、许可次数', '次', 4, 9, '']);
    expect(rowValues(annual, 3)).toEqual(['pledge_amount_cny', '知识产权质押融资金额', '万元', 0, 25000, '']);
    expect(annual.getCell('E3').numFmt).toBe('#,##0.00');
    const monthly = sheet(workbook, '月度数据');
    expect(monthly.rowCount).toBe(25);
    expect(monthly.getCell('A2').value).toEqual(new Date(Date.UTC(2023, 6, 1)));
    expect(monthly.getCell('A2').numFmt).toBe('yyyy-mm');
    expect(monthly.getCell('A25').value).toEqual(new Date(Date.UTC(2025, 5, 1)));
    expect(monthly.getCell('B1').value).toBe('知识产权转让、许可次数（次）');
    expect(monthly.getCell('B25').value).toBe(1234);
    expect(monthly.getCell('C1').value).toBe('知识产权质押融资金额（万元）');
    expect(monthly.getCell('C25').value).toBe(12345.67895);
    // The annual patent-intensive indicator has no months, so no column: gi_output_value_cny is the 11th (column L).
    expect(monthly.getCell('L1').value).toBe('地理标志运用促进工程产品产值（万元）');
    // Not covered before 2024-01: empty, not 0.
    expect(monthly.getCell('L2').value).toBeNull();
    expect(monthly.getCell('L10').value).toBe(0.01);
    // Each empty month carries a note saying why (exceljs writes notes but does not read them back).
    const notes = [...(zipEntryText(bytes, 'xl/comments4.xml') ?? '').matchAll(/<comment ref="([A-Z]+\d+)"[\s\S]*?<t[^>]*>([^<]*)<\/t>/g)].map((match) => [match[1], match[2]]);
    expect(notes).toContainEqual(['L2', '数据未覆盖该时段']);
    expect(notes.some(([ref]) => ref === 'L10')).toBe(false);
  });

  it('puts patent-intensive categories beside the national mix, GI products and data quality in their sheets', () => {
    const categories = sheet(workbook, '专利密集型产业');
    expect(rowValues(categories, 2)).toEqual(['01', '信息通信技术制造业', 40000, 0.19]);
    expect(rowValues(categories, 1)).toEqual(['类别代码', '类别名称', '本市增加值（万元）2024年', '全国构成（2023年）', '占地区生产总值比重']);
    // The total and the national share sit under the categories, after an empty row.
    expect(rowValues(categories, 9)).toEqual([]);
    expect(rowValues(categories, 10)).toEqual(['合计', '核算方法：企业法', 100000, 1, 0.1234]);
    expect(rowValues(categories, 11)).toEqual(['全国', '2024年', undefined, undefined, 0.1338]);
    const gi = sheet(workbook, '地理标志产品');
    expect(rowValues(gi, 2)).toEqual(['GI-001', '沙井蚝<b>', '否', 0.00801, 1]);
    expect(rowValues(gi, 4)).toEqual([]);
    expect(rowValues(gi, 5)).toEqual(['合计', '运用促进工程产品', '是', 0.015025]);
    expect(rowValues(gi, 6)).toEqual(['合计', '全部产品', '', 0.023035]);
    const quality = sheet(workbook, '数据质量');
    expect(rowValues(quality, 1)).toEqual(['数据集', '数据集名称', '覆盖月份（依据）', '最新月份', '本市计入行数', '其中本月', '覆盖范围外行数', '本市拒收行数', '主要拒收原因']);
    expect(rowValues(quality, 4)).toEqual(['pledges', '知识产权质押登记', '2023-01至2025-06（推断）', new Date(Date.UTC(2025, 5, 1)), 40, 40, 0, 3, 'required ×3']);
    expect(quality.getCell('D4').numFmt).toBe('yyyy-mm');
    expect(rowValues(quality, 8)).toEqual([]);
    expect(rowValues(quality, 9)).toEqual(['合计', '深圳市，截至2025-06', '', undefined, 340, undefined, undefined, 3, '']);
    const lake = sheet(workbook, '全库数据质量');
    expect(rowValues(lake, 3)).toEqual([
      'pledges',
      '知识产权质押登记',
      2,
      1200,
      3,
      new Date(Date.UTC(2025, 5, 1)),
      '02-pledges-<2025-07>.csv（2025-07-06T02:00:00.000Z 拒收：line 3: CSV syntax: the quoted field that starts on this line is never closed）',
    ]);
    expect(rowValues(lake, 4)).toEqual([]);
    expect(rowValues(lake, 5)).toEqual(['合计', '所有城市、所有月份；其中无法识别城市的拒收行 0 行', undefined, 6200, 3]);
    expect(rowValues(sheet(workbook, '修订说明'), 1)).toEqual(['指标代码', '指标名称', '时期', '时期类型', '计量单位', '原发布值', '修订值', '修订值空缺原因', '修订来源文件', '对比报告']);
  });

  it('gives the same bytes for the same report, and differs only by generated_at otherwise', async () => {
    const again = await renderReportXlsx(FIXTURE_REPORT_WITH_PATENT_INTENSIVE, { nationalMix: FIXTURE_NATIONAL_MIX });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const later = await renderReportXlsx({ ...FIXTURE_REPORT_WITH_PATENT_INTENSIVE, generated_at: '2025-08-05T02:00:00+08:00' }, { nationalMix: FIXTURE_NATIONAL_MIX });
    expect(Buffer.from(later).equals(Buffer.from(bytes))).toBe(false);
    expect((await readBack(later)).created.toISOString()).toBe('2025-08-04T18:00:00.000Z');
  });

  it('writes the bulletin shares as the decimals they are (19.9 % → 0.199, not 0.19899999999999998)', async () => {
    const national = await readBack(await renderReportXlsx(FIXTURE_REPORT_WITH_PATENT_INTENSIVE, { nationalMix: nationalMixFor(2019, readNationalBulletinRows()) }));
    const categories = sheet(national, '专利密集型产业');
    expect(rowValues(categories, 1)[3]).toBe('全国构成（2019年）');
    expect([2, 3, 4, 5, 6, 7, 8].map((row) => rowValues(categories, row)[3])).toEqual([0.201, 0.199, 0.297, 0.122, 0.087, 0.023, 0.072]);
  });

  it('leaves the national column empty without a national mix', async () => {
    const alone = await readBack(await renderReportXlsx(FIXTURE_REPORT));
    expect(rowValues(sheet(alone, '专利密集型产业'), 1)).toEqual(['类别代码', '类别名称', '本市增加值（万元）', '全国构成', '占地区生产总值比重']);
    expect(rowValues(sheet(alone, '专利密集型产业'), 2)).toEqual(['01', '信息通信技术制造业']);
  });
});

describe('renderReportXlsx: high-value invention patents', () => {
  it('writes one row per figure with its unit, an empty cell with its reason for an unknown one', async () => {
    const report = {
      ...FIXTURE_REPORT,
      high_value_patents: {
        ...FIXTURE_REPORT.high_value_patents,
        invention_in_force: 60_000,
        high_value_in_force: 24_000,
        per_10k_residents: 13.49,
        resident_population: 17_790_000,
        population_year: 2024,
        by_criterion: { strategic_emerging: 18_000, overseas_family: null, maintained_over_10_years: 3_000, high_pledge: 120, award: 15 },
        missing_columns: ['overseas_family' as const],
        null_reasons: { by_criterion: { overseas_family: 'unknown_values' as const } },
      },
    };
    const written = await renderReportXlsx(report);
    const book = await readBack(written);
    const table = sheet(book, '高价值发明专利');
    expect(rowValues(table, 1)).toEqual(['指标（截至2025-06-30）', '数值', '计量单位']);
    expect(rowValues(table, 2)).toEqual(['有效发明专利拥有量', 60000, '件']);
    expect(rowValues(table, 4)).toEqual(['每万人口高价值发明专利拥有量', 13.49, '件/万人']);
    expect(rowValues(table, 5)).toEqual(['常住人口（2024年）', 17790000, '人']);
    expect(rowValues(table, 7)).toEqual(['其中：在海外有同族专利权的发明专利', undefined, '件']);
    // exceljs does not read notes back: look for the comment in the sheet's comments part.
    const comments = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => zipEntryText(written, `xl/comments${n}.xml`) ?? '').find((xml) => xml.includes('<comment ref="B7"'));
    expect(comments).toMatch(/<comment ref="B7"[\s\S]*?部分专利的可选字段为空（未知）/);
    // Money in 万元, as in every formatted sheet.
    expect(rowValues(table, 11)).toEqual(['较高质押融资金额标准', 1000, '万元']);
  });
});
