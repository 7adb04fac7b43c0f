/** The sheet 绩效自评表 read back with exceljs: the form's layout, print setup and the grid's values. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderReportXlsx } from '../../../../etl/reports/xlsx/render-report-xlsx.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(Buffer.from(await renderReportXlsx(FIXTURE_REPORT)) as unknown as ArrayBuffer);
const sheet = workbook.getWorksheet('绩效自评表')!;
const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

describe('report.xlsx: 绩效自评表', () => {
  it('has a title row and an information row across the form', () => {
    expect(sheet.getCell('A1').value).toBe('深圳市知识产权运营服务体系建设项目支出绩效自评表（2025年，截至6月）');
    expect(sheet.getCell('A2').value).toBe('城市代码：440300　报告月份：2025-06　分值：默认权重　金额单位：元');
  });

  it('has the two-row header with merged cells, and 一级 / 二级 merged over their rows', () => {
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect([...merges].sort()).toEqual(
      ['A1:K1', 'A2:K2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3', 'G3:G4', 'H3:H4', 'I3:I4', 'J3:J4', 'K3:K4', 'A6:A13', 'B6:B13', 'A14:A17', 'B14:B17', 'A19:H19', 'A20:K20'].sort(),
    );
    expect(values(3)).toEqual(['一级指标', '二级指标', '三级指标', '单位', '指标值', '指标值', '实际完成值', '完成率', '分值', '得分', '偏差原因分析及改进措施']);
    expect(values(4).slice(4, 6)).toEqual(['年度指标值', '序时目标（截至6月）']);
  });

  it('prints on A4 landscape, one page wide, the header repeated on every page and frozen on screen', () => {
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('draws a border on every cell of the form; the 偏差原因 column is wide and wrapped', () => {
    for (let row = 1; row <= 20; row++) {
      for (let column = 1; column <= 11; column++) {
        expect(sheet.getRow(row).getCell(column).border, `row ${row} column ${column}`).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
      }
    }
    expect(sheet.getColumn(11).width).toBe(50);
    expect(sheet.getCell('K8').alignment).toMatchObject({ wrapText: true });
  });

  it('carries the grid\'s figures as typed numbers; an empty cell notes why; flags pre-fill the 偏差原因 cell', () => {
    expect(values(6)).toEqual(['产出指标', '数量指标', '知识产权转让、许可次数', '次', 5.76, 2.88, 1237, 429.513889, 6.25, 6.25]);
    expect(values(12)).toEqual(['产出指标', '数量指标', '知识产权托管中小企业数', '家', 666.67, 500, 0, 0, 6.25, 0, '未达序时进度，请填写偏差原因及改进措施']);
    expect(sheet.getCell('H6').numFmt).toBe('0.00%');
    expect(sheet.getCell('E14').numFmt).toBe('#,##0.00');
    // Zero target: completion and score empty, with the reason.
    expect(sheet.getCell('H14').value).toBeNull();
    expect(sheet.getCell('H14').note).toBe('目标值为零，完成率无法计算');
    expect(values(16).slice(2, 4)).toEqual(['专利密集型产业增加值（2024年）', '元']);
    expect(sheet.getCell('K17').value).toBe('数据缺失，无法计算完成率，请说明情况');
    expect(sheet.getCell('G18').note).toBe('由城市填报');
    expect(values(18).slice(8)).toEqual([10, undefined, '由城市填报']);
  });

  it('totals the scores and shows the points the city fills apart', () => {
    expect(values(19).slice(8)).toEqual([100, 12.5, '待城市填报分值 20.00；因数据缺失或目标为零未评分 36.25']);
  });
});
