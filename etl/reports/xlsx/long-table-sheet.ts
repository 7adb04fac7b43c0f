/**
 * The sheet 长表数据 of report.xlsx: longTableRows as one Excel Table (filter buttons on every
 * column, banded rows, no totals row), header frozen. 时期 is a real date shown yyyy-mm or yyyy;
 * 数值 is exact yuan (#,##0.00), a count (#,##0) or a ratio (0.00%); null is an empty cell with
 * its reason in 空值原因.
 */
import type ExcelJS from 'exceljs';
import type { Report } from '../report-schema.ts';
import { DATE_FORMAT } from './excel-dates.ts';
import { longTableRows, RATIO_UNIT, type LongTableUnit } from './long-table-rows.ts';
import { applyPrintSetup } from './print-setup.ts';
import { FORMAT } from './sheet-table.ts';

export const LONG_TABLE_SHEET_NAME = '长表数据';
export const LONG_TABLE_NAME = 'ipstats_report_long';

const COLUMNS = [
  { header: '城市代码', width: 10 },
  { header: '城市', width: 12 },
  { header: '指标代码', width: 32 },
  { header: '指标名称', width: 30 },
  { header: '时期', width: 10 },
  { header: '时期类型', width: 18 },
  { header: '度量', width: 14 },
  { header: '数值', width: 20 },
  { header: '计量单位', width: 10 },
  { header: '空值原因', width: 30 },
] as const;
const PERIOD_COLUMN = 5;
const VALUE_COLUMN = 8;

function valueFormat(unit: LongTableUnit): string {
  if (unit === RATIO_UNIT) return FORMAT.ratio;
  return unit === '元' ? FORMAT.money : FORMAT.count;
}

export function addLongTableSheet(workbook: ExcelJS.Workbook, report: Report): ExcelJS.Worksheet {
  const rows = longTableRows(report);
  const sheet = workbook.addWorksheet(LONG_TABLE_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = COLUMNS.map((column) => ({ width: column.width }));
  sheet.addTable({
    name: LONG_TABLE_NAME,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: COLUMNS.map((column) => ({ name: column.header, filterButton: true })),
    rows: rows.map((row) => [row.cityCode, row.cityName, row.indicator, row.indicatorNameZh, row.period, row.periodKind, row.measure, row.value, row.unit, row.nullReason]),
  });
  sheet.getRow(1).font = { bold: true };
  rows.forEach((row, index) => {
    const excelRow = sheet.getRow(index + 2);
    excelRow.getCell(PERIOD_COLUMN).numFmt = DATE_FORMAT[row.periodShownAs];
    if (row.value !== null) excelRow.getCell(VALUE_COLUMN).numFmt = valueFormat(row.unit);
  });
  applyPrintSetup(sheet, report, { titleRows: '1:1', landscape: true });
  return sheet;
}
