/**
 * The sheet 长表数据 read back with exceljs: an Excel Table over exactly its rows, real dates,
 * one unit per indicator, and sums that give back the report's own figures (in fen, exactly).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../../../etl/reports/assemble-report.ts';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../../../../etl/reports/indicators.ts';
import type { Report } from '../../../../etl/reports/report-schema.ts';
import { renderReportXlsx } from '../../../../etl/reports/xlsx/render-report-xlsx.ts';
import { rankedAlone } from '../../../support/ranked-reports.ts';
import { FIXTURE_INPUT, FIXTURE_REPORT } from '../html/report-fixture.ts';

const HEADER = ['城市代码', '城市', '指标代码', '指标名称', '时期', '时期类型', '度量', '数值', '计量单位', '空值原因'];

interface LongRow {
  readonly cityCode: unknown;
  readonly indicator: IndicatorId;
  readonly period: Date;
  readonly periodFormat: string | undefined;
  readonly periodKind: string;
  readonly measure: string;
  readonly value: number | null;
  readonly valueFormat: string | undefined;
  readonly unit: string;
  readonly reason: string | null;
}

async function longTableOf(report: Report): Promise<{ sheet: ExcelJS.Worksheet; rows: LongRow[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await renderReportXlsx(report)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('长表数据');
  if (sheet === undefined) throw new Error('no sheet 长表数据');
  const rows: LongRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cell = (column: number) => row.getCell(column);
    rows.push({
      cityCode: cell(1).value,
      indicator: cell(3).value as IndicatorId,
      period: cell(5).value as Date,
      periodFormat: cell(5).numFmt,
      periodKind: cell(6).value as string,
      measure: cell(7).value as string,
      value: (cell(8).value as number | null) ?? null,
      valueFormat: cell(8).numFmt,
      unit: cell(9).value as string,
      reason: (cell(10).value as string | null) ?? null,
    });
  });
  return { sheet, rows };
}

/** Yuan with at most 2 decimals, or a count → whole hundredths, so sums are exact. */
const cents = (value: number): bigint => BigInt(Math.round(value * 100));
const sumCents = (rows: readonly LongRow[]): bigint => rows.reduce((total, row) => total + cents(row.value ?? Number.NaN), 0n);
const monthOf = (row: LongRow) => `${row.period.getUTCFullYear()}-${String(row.period.getUTCMonth() + 1).padStart(2, '0')}`;

const { sheet, rows } = await longTableOf(FIXTURE_REPORT);

describe('report.xlsx sheet 长表数据', () => {
  it('is the second sheet, one Excel Table with a filter over exactly its rows, banded, no totals row, header frozen', () => {
    expect(sheet.name).toBe('长表数据');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    const tables = sheet.getTables() as unknown as { table: { name: string; tableRef: string; autoFilterRef: string; totalsRow: boolean; headerRow: boolean; style: { showRowStripes: boolean }; columns: { filterButton: boolean }[] } }[];
    expect(tables).toHaveLength(1);
    const table = tables[0]!.table;
    const lastRow = 1 + rows.length;
    expect(table).toMatchObject({ name: 'ipstats_report_long', tableRef: `A1:J${lastRow}`, autoFilterRef: `A1:J${lastRow}`, totalsRow: false, headerRow: true, style: { showRowStripes: true } });
    expect(table.columns.map((column) => column.filterButton)).toEqual(HEADER.map(() => true));
    expect(sheet.actualRowCount).toBe(lastRow);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // 24 trend months of the 11 monthly indicators, then years and the snapshot figures.
    expect(rows.filter((row) => row.measure === '本月值')).toHaveLength(24 * 11);
  });

  it('stores 时期 as a real date, the first of the month or of the year, shown yyyy-mm or yyyy', () => {
    for (const row of rows) {
      expect(row.period).toBeInstanceOf(Date);
      expect(row.period.getUTCDate()).toBe(1);
      expect(row.period.getUTCHours()).toBe(0);
      expect(row.periodFormat).toBe(['年', '基期年至该年'].includes(row.periodKind) ? 'yyyy' : 'yyyy-mm');
      if (row.periodFormat === 'yyyy') expect(row.period.getUTCMonth()).toBe(0);
    }
    const june = rows.find((row) => row.indicator === 'pledge_amount_cny' && row.measure === '本月值' && monthOf(row) === '2025-06');
    expect(june).toMatchObject({ period: new Date(Date.UTC(2025, 5, 1)), periodKind: '月', value: 123456789.5, unit: '元', valueFormat: '#,##0.00' });
    const ytdPrev = rows.find((row) => row.indicator === 'pledge_amount_cny' && row.measure === '上年同期累计');
    expect(ytdPrev).toMatchObject({ period: new Date(Date.UTC(2024, 5, 1)), periodKind: '1月至该月', value: 250000000 });
    const annual = rows.find((row) => row.indicator === 'ip_transfer_licence_count' && row.measure === '年度值' && row.period.getUTCFullYear() === 2024);
    expect(annual).toMatchObject({ periodKind: '年', periodFormat: 'yyyy', value: 9, unit: '次', valueFormat: '#,##0' });
  });

  it('gives every indicator one unit for its amounts (元 for money, its count unit otherwise) and 比率 only to ratios', () => {
    for (const id of INDICATOR_IDS) {
      const own = rows.filter((row) => row.indicator === id);
      const amountUnits = new Set(own.filter((row) => row.unit !== '比率').map((row) => row.unit));
      expect([...amountUnits], id).toEqual([INDICATORS[id].unit === 'cny' ? '元' : expect.stringMatching(/^[次项件家个]$/)]);
      for (const row of own.filter((candidate) => candidate.unit === '比率')) {
        expect(['本月同比', '同比增长', '较基期年均增长'], id).toContain(row.measure);
        if (row.value !== null) expect(row.valueFormat).toBe('0.00%');
      }
    }
    expect(new Set(rows.filter((row) => row.indicator === 'pledge_project_count').map((row) => row.unit))).toEqual(new Set(['项', '比率']));
    expect(new Set(rows.map((row) => row.cityCode))).toEqual(new Set(['440300']));
  });

  it('leaves a null value an empty cell with its reason, and has no row for a figure that does not exist', () => {
    const uncovered = rows.find((row) => row.indicator === 'gi_output_value_cny' && row.measure === '本月值' && monthOf(row) === '2023-07');
    expect(uncovered).toMatchObject({ value: null, reason: '数据未覆盖该时段' });
    const zero = rows.find((row) => row.indicator === 'gi_output_value_cny' && row.measure === '本月值' && monthOf(row) === '2024-01');
    expect(zero).toMatchObject({ value: 0, reason: null });
    for (const row of rows) expect(row.value === null, `${row.indicator} ${row.measure} ${monthOf(row)}`).toBe(row.reason !== null);
    // The annual indicator has no months; a flow indicator has no 建设期累计.
    expect(rows.filter((row) => row.indicator === 'patent_intensive_value_added_cny').map((row) => row.measure)).toEqual(['年度值', '年度值', '同比增长', '较基期年均增长']);
    expect(rows.some((row) => row.indicator === 'pledge_amount_cny' && row.measure === '建设期累计')).toBe(false);
  });
});

/** Sums of the long table by indicator against the report's own figures, for a report. */
function expectSumsToGiveTheReportFigures(report: Report, table: readonly LongRow[]): number {
  let checks = 0;
  const year = Number(report.period.slice(0, 4));
  const month = Number(report.period.slice(5));
  for (const id of INDICATOR_IDS) {
    const figures = report.indicators[id];
    const own = table.filter((row) => row.indicator === id);
    const months = own.filter((row) => row.measure === '本月值');
    const snapshot = (measure: string) => own.filter((row) => row.measure === measure).map((row) => row.value);
    // Snapshot rows are the report's fields (absent when the field does not exist for the indicator).
    for (const [measure, value, reason] of [
      ['本年累计', figures.ytd, figures.null_reasons.ytd],
      ['上年同期累计', figures.ytd_prev, figures.null_reasons.ytd_prev],
      ['建设期累计', figures.cumulative, figures.null_reasons.cumulative],
      ['本月同比', figures.month_yoy_growth, figures.null_reasons.month_yoy_growth],
      ['同比增长', figures.yoy_growth, figures.null_reasons.yoy_growth],
      ['较基期年均增长', figures.cagr_since_base, figures.null_reasons.cagr_since_base],
    ] as const) {
      expect(snapshot(measure), `${id} ${measure}`).toEqual(reason === 'not_applicable' ? [] : [value]);
    }
    if (INDICATORS[id].cadence === 'annual') continue;
    const inYear = (y: number, upTo: number) => months.filter((row) => row.period.getUTCFullYear() === y && row.period.getUTCMonth() + 1 <= upTo);
    // 本月值 of the report year's months = 本年累计; of the same months a year earlier = 上年同期累计.
    if (figures.ytd !== null) {
      expect(inYear(year, month), `${id} ytd months`).toHaveLength(month);
      expect(sumCents(inYear(year, month)), `${id} ytd`).toBe(cents(figures.ytd));
      checks++;
    }
    if (figures.ytd_prev !== null) {
      expect(sumCents(inYear(year - 1, month)), `${id} ytd_prev`).toBe(cents(figures.ytd_prev));
      checks++;
    }
    // 年度值 of a year whose twelve months are all in the table with a value = their sum.
    for (const annualRow of own.filter((row) => row.measure === '年度值' && row.value !== null)) {
      const twelve = inYear(annualRow.period.getUTCFullYear(), 12);
      if (twelve.length !== 12 || twelve.some((row) => row.value === null)) continue;
      expect(sumCents(twelve), `${id} ${annualRow.period.getUTCFullYear()}`).toBe(cents(annualRow.value!));
      expect(annualRow.value, `${id} annual`).toBe(figures.annual[String(annualRow.period.getUTCFullYear())]);
      checks++;
    }
  }
  return checks;
}

describe('summing 长表数据 by indicator gives the report figures', () => {
  it('on the June report: the year to date, the same months last year, the complete year 2024, the snapshot rows', () => {
    const checks = expectSumsToGiveTheReportFigures(FIXTURE_REPORT, rows);
    // 11 monthly indicators × (ytd, ytd_prev) + the complete year 2024 of each (cumulative ones count from 2024).
    expect(checks).toBe(11 * 2 + 11);
    const transfers2024 = rows.filter((row) => row.indicator === 'ip_transfer_licence_count' && row.measure === '本月值' && row.period.getUTCFullYear() === 2024);
    expect(sumCents(transfers2024)).toBe(900n);
  });

  it('on a December report, whose report year is complete', async () => {
    const december = rankedAlone(assembleReport({ ...FIXTURE_INPUT, period: '2024-12', generatedAt: '2025-01-05T02:00:00+08:00' }));
    const { rows: decemberRows } = await longTableOf(december);
    const checks = expectSumsToGiveTheReportFigures(december, decemberRows);
    // ytd of the 11 monthly indicators; ytd_prev of the 4 flows (cumulative ones start in 2024, GI output is not covered in 2023);
    // the years 2023 and 2024 of the 4 flows, 2024 of GI output and of the 6 cumulative ones.
    expect(checks).toBe(11 + 4 + (4 * 2 + 1 + 6));
    const pledge2024 = decemberRows.find((row) => row.indicator === 'pledge_amount_cny' && row.measure === '年度值' && row.period.getUTCFullYear() === 2024);
    expect(pledge2024?.value).toBe(250000000);
  });
});
