/**
 * report.xlsx: the report's statistics tables, one per worksheet, built with exceljs from the
 * validated report: 指标总览 first, then the long table 长表数据 (exact figures, for filters and
 * pivot tables), then the formatted sheets (money in 万元), the self-evaluation form, 报告说明
 * and 指标解释 (docs/reports.md "report.xlsx: sheets, units, the long table"). Deterministic: the workbook's dates are the report's generated_at and every
 * ZIP entry carries the same fixed time, so the same report gives the same bytes.
 */
import ExcelJS from 'exceljs';
import type { NationalMix } from '../html/national-mix.ts';
import { validateReport, type Report } from '../report-schema.ts';
import { aboutTable, annualTable, dataQualityTable, giProductTable, indicatorTable, lakeQualityTable, monthlyTrendTable, patentIntensiveTable, revisionsTable } from './report-tables.ts';
import { addSelfEvaluationSheet } from './self-evaluation-sheet.ts';
import { addMethodsSheet } from './methods-sheet.ts';
import { addLongTableSheet } from './long-table-sheet.ts';
import { addSheetTable } from './sheet-table.ts';
import { highValuePatentsTable } from './high-value-patents-table.ts';
import { withFixedZipTimestamps } from './zip-timestamps.ts';

export interface RenderReportXlsxOptions {
  /** @default null */
  readonly nationalMix?: NationalMix | null;
}

export async function renderReportXlsx(report: Report, options: RenderReportXlsxOptions = {}): Promise<Uint8Array> {
  const valid = validateReport(report);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ipstats';
  workbook.lastModifiedBy = 'ipstats';
  workbook.created = new Date(valid.generated_at);
  workbook.modified = new Date(valid.generated_at);
  workbook.title = `${valid.city.name} ${valid.period}`;
  addSheetTable(workbook, indicatorTable(valid), valid);
  addLongTableSheet(workbook, valid);
  const tables = [
    annualTable(valid),
    monthlyTrendTable(valid),
    patentIntensiveTable(valid, options.nationalMix ?? null),
    giProductTable(valid),
    highValuePatentsTable(valid),
    dataQualityTable(valid),
    lakeQualityTable(valid),
    revisionsTable(valid),
  ];
  for (const table of tables) addSheetTable(workbook, table, valid);
  // Laid out as the printed form, not as a plain table.
  addSelfEvaluationSheet(workbook, valid);
  addSheetTable(workbook, aboutTable(valid), valid);
  addMethodsSheet(workbook, valid);
  const buffer = await workbook.xlsx.writeBuffer();
  return withFixedZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}
