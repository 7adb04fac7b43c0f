/**
 * The sheet 指标解释 of report.xlsx: one row per entry of etl/reports/methods/indicator-methods.ts
 * (the one source also of report.html's appendix and docs/indicators.md). Long texts, so every
 * cell wraps and has borders; printed on A4 landscape, fitted to the page width, the header row
 * repeated on every page.
 */
import type ExcelJS from 'exceljs';
import { dataSourceText } from '../methods/dataset-references.ts';
import { INDICATOR_METHODS } from '../methods/indicator-methods.ts';
import { METHOD_FIELD_NAMES_ZH as FIELD, type IndicatorMethod } from '../methods/method-entry.ts';
import type { Report } from '../report-schema.ts';
import { applyPrintSetup } from './print-setup.ts';
import { addSheetTable, type SheetTable } from './sheet-table.ts';

export const METHODS_SHEET_NAME = '指标解释';

/** "1. …\n2. …": the counting rules in one cell, numbered as in report.html. */
function numberedRules(rules: readonly string[]): string {
  return rules.map((rule, index) => `${index + 1}. ${rule}`).join('\n');
}

export function methodsTable(entries: readonly IndicatorMethod[] = INDICATOR_METHODS): SheetTable {
  return {
    name: METHODS_SHEET_NAME,
    columns: [
      { header: FIELD.name, width: 18 },
      { header: FIELD.definition, width: 36 },
      { header: FIELD.sourceDatasets, width: 24 },
      { header: FIELD.formula, width: 48 },
      { header: FIELD.countingRules, width: 80 },
      { header: FIELD.unit, width: 10 },
    ],
    rows: entries.map((entry) => [entry.nameZh, entry.definition, dataSourceText(entry.sourceDatasets), entry.formula, numberedRules(entry.countingRules), entry.unit]),
  };
}

const THIN = { style: 'thin', color: { argb: 'FF9AA5B1' } } as const;

export function addMethodsSheet(workbook: ExcelJS.Workbook, report: Pick<Report, 'city' | 'period'>): ExcelJS.Worksheet {
  const sheet = addSheetTable(workbook, methodsTable(), report);
  sheet.eachRow((row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    });
  });
  // Long texts: always landscape.
  applyPrintSetup(sheet, report, { titleRows: '1:1', landscape: true });
  return sheet;
}
