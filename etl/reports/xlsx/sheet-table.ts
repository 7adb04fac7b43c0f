/**
 * One table on one worksheet: a Chinese header row, frozen, typed cells (numbers stay numbers,
 * with a display format), and column widths. What a statistics office files and re-uses.
 */
import type ExcelJS from 'exceljs';

export type CellValue = string | number | null;

export interface SheetColumn {
  readonly header: string;
  /** Width in characters (a CJK character counts about 2). */
  readonly width: number;
  /** Excel number format for numeric cells, e.g. '#,##0.00'. */
  readonly numberFormat?: string;
}

export interface SheetTable {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Per row and column, a number format overriding the column's (rows mixing yuan and counts). */
  readonly cellFormats?: readonly (readonly (string | undefined)[])[];
  /** Per row and column, a note shown on the cell (why an empty cell is empty). */
  readonly cellNotes?: readonly (readonly (string | undefined)[])[];
}

export const FORMAT = {
  money: '#,##0.00',
  count: '#,##0',
  ratio: '0.00%',
} as const;

export function addSheetTable(workbook: ExcelJS.Workbook, table: SheetTable): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = table.columns.map((column) => ({ header: column.header, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F6' } };
  table.rows.forEach((values, rowIndex) => {
    const row = sheet.addRow([...values]);
    table.columns.forEach((column, columnIndex) => {
      const format = table.cellFormats?.[rowIndex]?.[columnIndex] ?? column.numberFormat;
      const cell = row.getCell(columnIndex + 1);
      if (format !== undefined && typeof cell.value === 'number') cell.numFmt = format;
      const note = table.cellNotes?.[rowIndex]?.[columnIndex];
      if (note !== undefined) cell.note = note;
    });
  });
  return sheet;
}
