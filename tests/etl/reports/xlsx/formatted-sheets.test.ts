/**
 * The formatted sheets of report.xlsx read back with exceljs: no total inside a data range, print
 * setup on every sheet, money in 万元 (yuan ÷ 10,000 exactly) with two decimals, months and years
 * as dates, and the demonstration-classification banner.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../../etl/reports/report-schema.ts';
import { renderReportXlsx } from '../../../../etl/reports/xlsx/render-report-xlsx.ts';
import { FIXTURE_NATIONAL_MIX, FIXTURE_REPORT, FIXTURE_REPORT_WITH_PATENT_INTENSIVE } from '../html/report-fixture.ts';
import { wan } from './wan.ts';

async function readBack(report: Report): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await renderReportXlsx(report, { nationalMix: FIXTURE_NATIONAL_MIX })) as unknown as ArrayBuffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no worksheet ${name}`);
  return found;
}

/** The data range of a sheet: its Excel Table's, or its filter's (header and data rows). */
function dataRange(sheet: ExcelJS.Worksheet): { first: number; last: number; columns: number } | null {
  const tables = sheet.getTables() as unknown as { table: { tableRef: string } }[];
  const ref = tables[0]?.table.tableRef ?? (typeof sheet.autoFilter === 'string' ? sheet.autoFilter : undefined);
  if (ref === undefined) return null;
  const match = /^A(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (match === null) throw new Error(`${sheet.name}: unexpected range ${ref}`);
  return { first: Number(match[1]), last: Number(match[3]), columns: sheet.getColumn(match[2]!).number };
}

function cellsIn(sheet: ExcelJS.Worksheet, range: { first: number; last: number; columns: number }): unknown[] {
  const values: unknown[] = [];
  for (let row = range.first; row <= range.last; row++) {
    for (let column = 1; column <= range.columns; column++) values.push(sheet.getRow(row).getCell(column).value);
  }
  return values;
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

const REVISED: Report = {
  ...FIXTURE_REPORT_WITH_PATENT_INTENSIVE,
  revisions: {
    compared_with: { period: '2025-05', generated_at: '2025-06-05T02:00:00+08:00' },
    changes: [
      { indicator: 'pledge_amount_cny', period: '2025-04', figure: 'month', unit: 'cny', old: 1234567.89, new: 1300000.01, sources: [] },
      { indicator: 'ip_transfer_licence_count', period: '2024', figure: 'annual', unit: 'count', old: 8, new: 9, sources: [] },
    ],
  },
};
const workbook = await readBack(REVISED);
/** Laid out as the Ministry of Finance's printed form, with its 总分 row by design: not a data table. */
const PRINTED_FORM = '绩效自评表';
/** Key–value notes on the workbook, not a data table. */
const NOTES = '报告说明';

describe('report.xlsx: totals never inside a data range', () => {
  it('gives every data sheet a data range (an Excel Table or a filter) with no row labelled 合计, 总计 or 小计', () => {
    for (const sheet of workbook.worksheets.filter((candidate) => ![PRINTED_FORM, NOTES].includes(candidate.name))) {
      const range = dataRange(sheet);
      expect(range, sheet.name).not.toBeNull();
      const texts = cellsIn(sheet, range!).filter((value): value is string => typeof value === 'string');
      // A total row is labelled by a cell that starts with the word (prose such as 指标解释's may use it mid-sentence).
      expect(texts.filter((text) => /^\s*(合计|总计|小计)/.test(text)), sheet.name).toEqual([]);
    }
  });

  it('writes each total under its table after one empty row, labelled, as the report\'s own figure', () => {
    const expectations: [string, number, unknown[]][] = [
      ['地理标志产品', 3, ['合计', '运用促进工程产品', '是', wan(FIXTURE_REPORT.gi_output.ytd_promotion_project_cny!)]],
      ['专利密集型产业', 8, ['合计', '核算方法：企业法', wan(1000000000), 1, 0.1234]],
      ['数据质量', 7, ['合计', '深圳市，截至2025-06', '', undefined, 340, undefined, undefined, FIXTURE_REPORT.data_quality.rows_rejected, '']],
      ['全库数据质量', 3, ['合计', '所有城市、所有月份；其中无法识别城市的拒收行 0 行', undefined, FIXTURE_REPORT.data_quality.lake.rows_read, FIXTURE_REPORT.data_quality.lake.rows_rejected]],
    ];
    for (const [name, lastDataRow, total] of expectations) {
      const sheet = sheetOf(workbook, name);
      expect(dataRange(sheet)?.last, name).toBe(lastDataRow);
      expect(rowValues(sheet, lastDataRow + 1), name).toEqual([]);
      expect(rowValues(sheet, lastDataRow + 2), name).toEqual(total);
      expect(sheet.getRow(lastDataRow + 2).font?.bold, name).toBe(true);
    }
    expect(rowValues(sheetOf(workbook, '地理标志产品'), 6)).toEqual(['合计', '全部产品', '', wan(FIXTURE_REPORT.gi_output.ytd_all_cny!)]);
  });
});

describe('report.xlsx: print setup', () => {
  it('prints every sheet on A4, one page wide, its header rows on every page, with the city, month and page numbers', () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: sheet.name === PRINTED_FORM ? '3:4' : '1:1' });
      expect(sheet.headerFooter.oddHeader, sheet.name).toBe(`&L深圳市（440300）&C${sheet.name}&R报告月份：2025-06`);
      expect(sheet.headerFooter.oddFooter, sheet.name).toBe('&C第 &P 页 共 &N 页');
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: sheet.name === PRINTED_FORM ? 4 : 1 });
    }
    expect(sheetOf(workbook, '指标总览').pageSetup.orientation).toBe('landscape');
    expect(sheetOf(workbook, '长表数据').pageSetup.orientation).toBe('landscape');
    expect(sheetOf(workbook, '报告说明').pageSetup.orientation).toBe('portrait');
  });

  it('writes an ampersand of a city name as a literal in the running header', async () => {
    const ampersand = await readBack({ ...FIXTURE_REPORT, city: { ...FIXTURE_REPORT.city, name: 'A&B市' } });
    expect(sheetOf(ampersand, '指标总览').headerFooter.oddHeader).toBe('&LA&&B市（440300）&C指标总览&R报告月份：2025-06');
  });
});

describe('report.xlsx: money in 万元, months as dates', () => {
  it('writes every money cell of the formatted sheets as yuan ÷ 10,000 with #,##0.00, under a 万元 header or unit', () => {
    const overview = sheetOf(workbook, '指标总览');
    const pledge = overview.getRow(3);
    expect([pledge.getCell(3).value, pledge.getCell(4).value, pledge.getCell(7).value]).toEqual(['万元', wan(123456789.5), wan(250000000)]);
    const turnover = overview.getRow(5);
    expect([turnover.getCell(3).value, turnover.getCell(6).value, turnover.getCell(6).numFmt]).toEqual(['万元', 4.56789, '#,##0.00']);
    const categories = sheetOf(workbook, '专利密集型产业');
    expect(categories.getCell('C1').value).toBe('本市增加值（万元）2024年');
    expect([categories.getCell('C2').value, categories.getCell('C2').numFmt]).toEqual([wan(400000000), '#,##0.00']);
    const gi = sheetOf(workbook, '地理标志产品');
    expect(gi.getCell('D1').value).toBe('2025年累计产值（万元）');
    expect([gi.getCell('D2').value, gi.getCell('D2').numFmt]).toEqual([0.00801, '#,##0.00']);
    const monthly = sheetOf(workbook, '月度数据');
    expect([monthly.getCell('E1').value, monthly.getCell('E24').value, monthly.getCell('E24').numFmt]).toEqual(['专利技术合同成交额（万元）', 4.56789, '#,##0.00']);
  });

  it('writes revisions with a real date for 时期, its kind, the row\'s unit and money in 万元', () => {
    const revisions = sheetOf(workbook, '修订说明');
    expect(rowValues(revisions, 2).slice(0, 7)).toEqual(['pledge_amount_cny', '知识产权质押融资金额', new Date(Date.UTC(2025, 3, 1)), '月', '万元', wan(1234567.89), wan(1300000.01)]);
    expect([revisions.getCell('C2').numFmt, revisions.getCell('F2').numFmt]).toEqual(['yyyy-mm', '#,##0.00']);
    expect(rowValues(revisions, 3).slice(0, 7)).toEqual(['ip_transfer_licence_count', '知识产权转让、许可次数', new Date(Date.UTC(2024, 0, 1)), '年', '次', 8, 9]);
    expect([revisions.getCell('C3').numFmt, revisions.getCell('F3').numFmt]).toEqual(['yyyy', '#,##0']);
  });

  it('never mixes units in a column: 指标总览 says each row\'s unit, the targets are split by kind', () => {
    const overview = sheetOf(workbook, '指标总览');
    const units = [...Array(12).keys()].map((index) => overview.getRow(index + 2).getCell(3).value);
    expect(units).toEqual(['次', '万元', '项', '万元', '家', '个', '项', '家', '家', '个', '万元', '万元']);
    const growthTargetFormats = [...Array(12).keys()].map((index) => overview.getRow(index + 2).getCell(12)).filter((cell) => cell.value !== null).map((cell) => cell.numFmt);
    expect(new Set(growthTargetFormats)).toEqual(new Set(['0.00%']));
  });
});

describe('report.xlsx: demonstration classification', () => {
  const BANNER = '演示分类，非官方：本工作簿专利密集型产业数据按演示分类计算，不得作为正式统计数据使用。';

  it('puts a bold red banner across the top of 指标总览 and 专利密集型产业, the header under it still frozen and printed', async () => {
    const demonstration = await readBack({ ...FIXTURE_REPORT_WITH_PATENT_INTENSIVE, patent_intensive: { ...FIXTURE_REPORT_WITH_PATENT_INTENSIVE.patent_intensive, classification_is_demonstration: true } });
    for (const [name, lastColumn] of [['指标总览', 'S'], ['专利密集型产业', 'E']] as const) {
      const sheet = sheetOf(demonstration, name);
      const banner = sheet.getCell('A1');
      expect(banner.value, name).toBe(BANNER);
      expect((sheet.model as unknown as { merges: string[] }).merges, name).toContain(`A1:${lastColumn}1`);
      expect(banner.font, name).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
      expect(banner.fill, name).toMatchObject({ type: 'pattern', pattern: 'solid' });
      expect(banner.border?.top?.style, name).toBe('medium');
      expect(sheet.getCell('A2').value, name).toBe(name === '指标总览' ? '指标代码' : '类别代码');
      expect(sheet.views[0], name).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(sheet.pageSetup.printTitlesRow, name).toBe('1:2');
      expect(dataRange(sheet)?.first, name).toBe(2);
    }
    expect(sheetOf(demonstration, '专利密集型产业').getCell('C3').value).toBe(wan(400000000));
    const notes = sheetOf(demonstration, '报告说明');
    const rows = [...Array(notes.actualRowCount).keys()].map((index) => rowValues(notes, index + 1));
    expect(rows).toContainEqual(['分类说明', BANNER]);
    // Other sheets are unchanged.
    expect(sheetOf(demonstration, '年度数据').getCell('A1').value).toBe('指标代码');
  });

  it('has no banner for an official classification', () => {
    expect(sheetOf(workbook, '指标总览').getCell('A1').value).toBe('指标代码');
    expect(sheetOf(workbook, '专利密集型产业').getCell('A1').value).toBe('类别代码');
    const notes = sheetOf(workbook, '报告说明');
    expect([...Array(notes.actualRowCount).keys()].map((index) => rowValues(notes, index + 1)[0])).not.toContain('分类说明');
  });
});
