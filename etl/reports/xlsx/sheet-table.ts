/**
 * One table on one worksheet: a Chinese header row, frozen, typed cells (numbers stay numbers,
 * months and years are dates, each with a display format), column widths, filter buttons over
 * exactly the header and data rows, and the totals (if any) under the data after an empty row,
 * so a filter, a sort or a pivot over the data never takes a total for a data row. An optional
 * banner row above the header carries a warning (demonstration classification). Prints on A4,
 * one page wide, with the header (and banner) on every page (print-setup.ts).
 */
import type ExcelJS from 'exceljs';
import type { Report } from '../report-schema.ts';
import { applyPrintSetup } from './print-setup.ts';

export type CellValue = string | number | Date | null;

export interface SheetColumn {
  readonly header: string;
  /** Width in characters (a CJK character counts about 2). */
  readonly width: number;
  /** Excel number format for numeric and date cells, e.g. '#,##0.00'. */
  readonly numberFormat?: string;
}

/** Rows with, per row and column, a number format overriding the column's and a note on the cell. */
export interface SheetRows {
  readonly rows: readonly (readonly CellValue[])[];
  /** Per row and column, a number format overriding the column's (rows mixing units). */
  readonly cellFormats?: readonly (readonly (string | undefined)[])[];
  /** Per row and column, a note shown on the cell (why an empty cell is empty). */
  readonly cellNotes?: readonly (readonly (string | undefined)[])[];
}

export interface SheetTable extends SheetRows {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  /** Labelled total rows, written under the data after one empty row: outside the data range. */
  readonly totals?: SheetRows;
  /** A warning across the top, above the header row (bold, red). */
  readonly banner?: string;
  /** Filter buttons over the header and data rows. @default true */
  readonly autoFilter?: boolean;
}

export const FORMAT = {
  money: '#,##0.00',
  count: '#,##0',
  ratio: '0.00%',
} as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F6' } };
const BANNER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE4E4' } };
const BANNER_EDGE = { style: 'medium', color: { argb: 'FFC00000' } } as const;
const TOTAL_EDGE = { style: 'thin', color: { argb: 'FF333333' } } as const;

export function addSheetTable(workbook: ExcelJS.Workbook, table: SheetTable, report: Pick<Report, 'city' | 'period'>): ExcelJS.Worksheet {
  const headerRow = table.banner === undefined ? 1 : 2;
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }] });
  sheet.columns = table.columns.map((column) => ({ width: column.width }));
  const lastColumn = sheet.getColumn(table.columns.length).letter;
  if (table.banner !== undefined) writeBanner(sheet, table.banner, lastColumn);

  const header = sheet.getRow(headerRow);
  header.values = table.columns.map((column) => column.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = HEADER_FILL;

  const lastDataRow = writeRows(sheet, headerRow + 1, table.columns, table);
  if (table.autoFilter ?? true) sheet.autoFilter = `A${headerRow}:${lastColumn}${lastDataRow}`;
  if (table.totals !== undefined && table.totals.rows.length > 0) {
    const firstTotalRow = lastDataRow + 2;
    const lastTotalRow = writeRows(sheet, firstTotalRow, table.columns, table.totals);
    for (let row = firstTotalRow; row <= lastTotalRow; row++) {
      sheet.getRow(row).font = { bold: true };
      for (let column = 1; column <= table.columns.length; column++) sheet.getRow(row).getCell(column).border = { top: TOTAL_EDGE };
    }
  }
  applyPrintSetup(sheet, report, { titleRows: `1:${headerRow}` });
  return sheet;
}

/** Writes the rows from `firstRow` on; returns the last row written (firstRow − 1 when none). */
function writeRows(sheet: ExcelJS.Worksheet, firstRow: number, columns: readonly SheetColumn[], rows: SheetRows): number {
  rows.rows.forEach((values, rowIndex) => {
    const row = sheet.getRow(firstRow + rowIndex);
    row.values = [...values];
    columns.forEach((column, columnIndex) => {
      const format = rows.cellFormats?.[rowIndex]?.[columnIndex] ?? column.numberFormat;
      const cell = row.getCell(columnIndex + 1);
      if (format !== undefined && (typeof cell.value === 'number' || cell.value instanceof Date)) cell.numFmt = format;
      const note = rows.cellNotes?.[rowIndex]?.[columnIndex];
      if (note !== undefined) cell.note = note;
    });
  });
  return firstRow + rows.rows.length - 1;
}

function writeBanner(sheet: ExcelJS.Worksheet, text: string, lastColumn: string): void {
  const row = sheet.getRow(1);
  row.values = [text];
  sheet.mergeCells(`A1:${lastColumn}1`);
  row.height = 36;
  const cell = row.getCell(1);
  cell.font = { bold: true, size: 14, color: { argb: 'FFC00000' } };
  cell.fill = BANNER_FILL;
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  cell.border = { top: BANNER_EDGE, left: BANNER_EDGE, bottom: BANNER_EDGE, right: BANNER_EDGE };
}
