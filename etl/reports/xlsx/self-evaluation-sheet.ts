/**
 * The sheet 绩效自评表 of report.xlsx, laid out as the Ministry of Finance's form is printed: a
 * title row, a two-row header with merged cells (指标值 over 年度指标值 and 序时目标), 一级 and
 * 二级 cells merged over their rows, borders on every cell, A4 landscape fitted to one page wide,
 * the header repeated on every printed page and frozen on screen. The 偏差原因 column is wide and
 * wrapped, pre-filled with the row's flag for the city to replace with its own text. Its 总分 row
 * belongs to the printed form (it is not a data table, so it has no filter and its total stays).
 * Money stays in 元 here, named in the 单位 column of each row as the form is filed.
 */
import { INDICATORS } from '../indicators.ts';
import type ExcelJS from 'exceljs';
import { groupedNumber } from '../format/grouped-number.ts';
import { LABELS_ZH } from '../html/labels-zh.ts';
import { runLength, selfEvaluationRowName } from '../html/sections/self-evaluation-section.ts';
import { monthNumberOf } from '../period.ts';
import type { Report } from '../report-schema.ts';
import type { SelfEvaluationRow } from '../self-evaluation-schema.ts';
import { applyPrintSetup } from './print-setup.ts';
import { FORMAT } from './sheet-table.ts';

export const SELF_EVALUATION_SHEET_NAME = '绩效自评表';

const COLUMN_WIDTHS = [12, 16, 32, 8, 16, 18, 18, 11, 8, 8, 50];
const LAST_COLUMN = 'K';
const HEADER_ROWS = [3, 4] as const;
const FIRST_DATA_ROW = 5;
const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Targets of counts may have a fraction (5.76); actual counts are whole. */
const TARGET_FORMAT = { count: FORMAT.money, cny: FORMAT.money, ratio: FORMAT.ratio } as const;
const ACTUAL_FORMAT = { count: FORMAT.count, cny: FORMAT.money, ratio: FORMAT.ratio } as const;
const POINTS_FORMAT = '0.00';

export function addSelfEvaluationSheet(workbook: ExcelJS.Workbook, report: Report): ExcelJS.Worksheet {
  const grid = report.self_evaluation;
  const s = LABELS_ZH.selfEvaluation;
  const c = s.columns;
  const month = monthNumberOf(grid.period);
  const sheet = workbook.addWorksheet(SELF_EVALUATION_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: HEADER_ROWS[1], xSplit: 0 }],
    pageSetup: { horizontalCentered: true },
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  applyPrintSetup(sheet, report, { titleRows: `${HEADER_ROWS[0]}:${HEADER_ROWS[1]}`, landscape: true });

  sheet.getRow(1).values = [s.title(report.city.name, grid.year, month)];
  sheet.mergeCells(`A1:${LAST_COLUMN}1`);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).height = 24;
  sheet.getRow(2).values = [`城市代码：${report.city.code}　报告月份：${report.period}　${s.weightsSource[grid.weights_source]}　金额单位：元`];
  sheet.mergeCells(`A2:${LAST_COLUMN}2`);

  sheet.getRow(3).values = [c.level1, c.level2, c.level3, c.unit, c.targets, null, c.actual, c.completionRate, c.points, c.score, c.deviation];
  sheet.getRow(4).values = [null, null, null, null, c.annualTarget, c.targetToDate(month)];
  for (const column of ['A', 'B', 'C', 'D', 'G', 'H', 'I', 'J', 'K']) sheet.mergeCells(`${column}3:${column}4`);
  sheet.mergeCells('E3:F3');
  for (const row of HEADER_ROWS) {
    sheet.getRow(row).font = { bold: true };
    sheet.getRow(row).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }

  grid.rows.forEach((row, index) => writeRow(sheet.getRow(FIRST_DATA_ROW + index), row, grid.year));
  grid.rows.forEach((_, index) => {
    for (const [column, field] of [['A', 'level1'], ['B', 'level2']] as const) {
      const span = runLength(grid.rows, index, field);
      if (span > 1) sheet.mergeCells(`${column}${FIRST_DATA_ROW + index}:${column}${FIRST_DATA_ROW + index + span - 1}`);
    }
  });

  const totalRow = FIRST_DATA_ROW + grid.rows.length;
  const total = sheet.getRow(totalRow);
  total.values = [s.total, null, null, null, null, null, null, null, grid.total_points, grid.score_total, s.totalNote(groupedNumber(grid.points_to_fill, 2), groupedNumber(grid.points_not_scored, 2))];
  sheet.mergeCells(`A${totalRow}:H${totalRow}`);
  total.font = { bold: true };
  total.getCell(9).numFmt = POINTS_FORMAT;
  total.getCell(10).numFmt = POINTS_FORMAT;
  const noteRow = totalRow + 1;
  sheet.getRow(noteRow).values = [s.note];
  sheet.mergeCells(`A${noteRow}:${LAST_COLUMN}${noteRow}`);
  sheet.getRow(noteRow).height = 45;

  for (let rowNumber = 1; rowNumber <= noteRow; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    for (let column = 1; column <= COLUMN_WIDTHS.length; column++) {
      const cell = row.getCell(column);
      cell.border = BORDER;
      if (rowNumber >= FIRST_DATA_ROW) cell.alignment = { vertical: 'middle', wrapText: column <= 3 || column === COLUMN_WIDTHS.length };
    }
  }
  sheet.getCell(`A${noteRow}`).alignment = { vertical: 'top', wrapText: true };
  return sheet;
}

/** One grid row: names, unit, targets, actual, rate, points, score, the pre-filled 偏差原因 cell; an empty cell notes why. */
function writeRow(row: ExcelJS.Row, grid: SelfEvaluationRow, reportYear: number): void {
  const s = LABELS_ZH.selfEvaluation;
  const name = selfEvaluationRowName(grid.key, LABELS_ZH);
  row.values = [
    s.level1[grid.level1],
    s.level2[grid.level2],
    grid.year === reportYear ? name : `${name}（${s.yearOf(grid.year)}）`,
    // What the row counts (次, 家 …) or 元 — the form files money in yuan; % for the rows the city fills.
    grid.indicator === null ? s.units[grid.unit] : INDICATORS[grid.indicator].unitZh,
    grid.annual_target,
    grid.target_to_date,
    grid.actual,
    grid.completion_rate,
    grid.points,
    grid.score,
    grid.flag === null ? null : s.flags[grid.flag],
  ];
  const formats: Record<number, string> = { 5: TARGET_FORMAT[grid.unit], 6: TARGET_FORMAT[grid.unit], 7: ACTUAL_FORMAT[grid.unit], 8: FORMAT.ratio, 9: POINTS_FORMAT, 10: POINTS_FORMAT };
  for (const [column, format] of Object.entries(formats)) row.getCell(Number(column)).numFmt = format;
  const fields = { 5: 'annual_target', 6: 'target_to_date', 7: 'actual', 8: 'completion_rate', 10: 'score' } as const;
  for (const [column, field] of Object.entries(fields)) {
    const reason = grid.null_reasons[field];
    if (reason !== undefined) row.getCell(Number(column)).note = LABELS_ZH.nullReasons[reason];
  }
}
