import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dataSourceText } from '../../../../etl/reports/methods/dataset-references.ts';
import { INDICATOR_METHODS } from '../../../../etl/reports/methods/indicator-methods.ts';
import { renderReportXlsx } from '../../../../etl/reports/xlsx/render-report-xlsx.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(Buffer.from(await renderReportXlsx(FIXTURE_REPORT)) as unknown as ArrayBuffer);
const sheet = workbook.getWorksheet('指标解释');

function rowValues(row: number): unknown[] {
  return (sheet!.getRow(row).values as unknown[]).slice(1);
}

describe('report.xlsx sheet 指标解释', () => {
  it('is the last sheet, with the six Chinese columns under a frozen header', () => {
    expect(workbook.worksheets.at(-1)?.name).toBe('指标解释');
    expect(rowValues(1)).toEqual(['指标', '定义', '数据来源', '计算公式', '计数规则', '计量单位']);
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet!.columns.map((column) => column.width)).toEqual([18, 36, 24, 48, 80, 10]);
  });

  it('has one row per entry of the methods module, the counting rules numbered one a line', () => {
    expect(sheet!.actualRowCount).toBe(1 + INDICATOR_METHODS.length);
    INDICATOR_METHODS.forEach((method, index) => {
      expect(rowValues(index + 2), method.id).toEqual([
        method.nameZh,
        method.definition,
        dataSourceText(method.sourceDatasets),
        method.formula,
        method.countingRules.map((rule, n) => `${n + 1}. ${rule}`).join('\n'),
        method.unit,
      ]);
    });
    expect(rowValues(3)[0]).toBe('知识产权质押融资金额');
    expect(String(rowValues(3)[4]).split('\n')[1]).toBe('2. 按登记日（registration_date）所在自然月归属；报告月之后的记录一律不计。');
  });

  it('wraps and borders every cell, top-aligned', () => {
    for (let row = 1; row <= 1 + INDICATOR_METHODS.length; row++) {
      for (let column = 1; column <= 6; column++) {
        const cell = sheet!.getRow(row).getCell(column);
        expect(cell.alignment, cell.address).toMatchObject({ wrapText: true, vertical: 'top' });
        expect(cell.border?.left?.style, cell.address).toBe('thin');
        expect(cell.border?.bottom?.style, cell.address).toBe('thin');
      }
    }
    expect(sheet!.getRow(1).font?.bold).toBe(true);
  });

  it('prints on A4 landscape, fitted to the page width, the header on every page', () => {
    expect(sheet!.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  });
});
