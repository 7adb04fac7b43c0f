/**
 * report.xlsx keeps text as text: a name from the data that looks like a formula (CSV injection,
 * docs/operations.md) is a string cell, never a formula, so opening the workbook runs nothing.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderReportXlsx } from '../../../../etl/reports/xlsx/render-report-xlsx.ts';
import { zipEntryText } from '../../../support/zip-entries.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

const FORMULA_NAME = '=HYPERLINK("http://x.example","点击")';
const report = {
  ...FIXTURE_REPORT,
  city: { ...FIXTURE_REPORT.city, name: FORMULA_NAME },
  gi_output: { ...FIXTURE_REPORT.gi_output, by_product: FIXTURE_REPORT.gi_output.by_product.map((product) => ({ ...product, name: '+cmd|\' /C calc\'!A0' })) },
};
const bytes = await renderReportXlsx(report);
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);

function cellsHolding(text: string): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (const worksheet of workbook.worksheets) {
    worksheet.eachRow((row) => row.eachCell((cell) => (cell.value === text ? cells.push(cell) : undefined)));
  }
  return cells;
}

describe('report.xlsx with formula-like names', () => {
  it('writes the city name and GI product names as string cells with their text unchanged', () => {
    const city = cellsHolding(FORMULA_NAME);
    const products = cellsHolding('+cmd|\' /C calc\'!A0');
    expect(city.length).toBeGreaterThan(0);
    expect(products).toHaveLength(FIXTURE_REPORT.gi_output.by_product.length);
    for (const cell of [...city, ...products]) {
      expect([cell.type, cell.formula]).toEqual([ExcelJS.ValueType.String, undefined]);
    }
  });

  it('stores no formula made of those names in any worksheet', () => {
    for (let index = 1; index <= workbook.worksheets.length; index++) {
      const formulas = [...(zipEntryText(bytes, `xl/worksheets/sheet${index}.xml`) ?? '').matchAll(/<f[ >][^<]*/g)].map((match) => match[0]);
      expect(formulas.filter((formula) => /HYPERLINK|cmd/.test(formula)), `sheet${index}`).toEqual([]);
    }
    expect(zipEntryText(bytes, 'xl/worksheets/sheet1.xml')).toBeDefined();
  });
});
