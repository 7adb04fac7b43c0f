/**
 * index.xlsx of a month: the long table of index-rows.ts as one Excel Table (with filter buttons,
 * no totals row) on the sheet 汇总, and a sheet 说明 naming the month and the cities compared or
 * missing. The month is given twice: as the text 'YYYY-MM' and as a real Excel date (the first
 * of the month), so it filters as text and sorts or groups as a date. Values are numeric cells as
 * in report.xlsx (yuan `#,##0.00`, counts and ranks `#,##0`, ratios `0.00%`); null is an empty
 * cell with its reason in 空值原因. Deterministic: fixed ZIP times (zip-timestamps.ts).
 */
import ExcelJS from 'exceljs';
import { LABELS_ZH } from '../html/labels-zh.ts';
import { firstOfMonth } from '../xlsx/excel-dates.ts';
import { FORMAT } from '../xlsx/sheet-table.ts';
import { withFixedZipTimestamps } from '../xlsx/zip-timestamps.ts';
import type { PeriodPeers } from '../peers/period-peers.ts';
import type { IndexRow, IndexUnit } from './index-rows.ts';

const UNIT_FORMATS: Readonly<Record<IndexUnit, string>> = { cny: FORMAT.money, count: FORMAT.count, ratio: FORMAT.ratio, rank: FORMAT.count, cities: FORMAT.count };
export const INDEX_TABLE_NAME = 'ipstats_index';
const DATE_FORMAT = 'yyyy-mm-dd';

const COLUMNS = [
  { header: '城市代码', width: 10 },
  { header: '城市', width: 12 },
  { header: '指标代码', width: 30 },
  { header: '指标名称', width: 30 },
  { header: '月份', width: 10 },
  { header: '月份首日', width: 12 },
  { header: '度量', width: 16 },
  { header: '数值', width: 20 },
  { header: '单位', width: 8 },
  { header: '空值原因', width: 24 },
] as const;

export async function renderIndexXlsx(peers: PeriodPeers, rows: readonly IndexRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ipstats';
  workbook.lastModifiedBy = 'ipstats';
  // The newest report compared: the same reports give the same bytes.
  const generatedAt = peers.cities.flatMap((city) => (city.report === null ? [] : [city.report.generated_at])).sort().at(-1);
  const stamp = generatedAt === undefined ? firstOfMonth(peers.period) : new Date(generatedAt);
  workbook.created = stamp;
  workbook.modified = stamp;
  workbook.title = `汇总 ${peers.period}`;

  const sheet = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = COLUMNS.map((column) => ({ width: column.width }));
  const month = firstOfMonth(peers.period);
  sheet.addTable({
    name: INDEX_TABLE_NAME,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: COLUMNS.map((column) => ({ name: column.header, filterButton: true })),
    rows: rows.map((row) => [
      row.city_code,
      row.city_name,
      row.indicator,
      row.indicator_name_zh,
      row.period,
      month,
      row.measure,
      row.value,
      row.unit,
      row.null_reason === null ? null : LABELS_ZH.nullReasons[row.null_reason],
    ]),
  });
  rows.forEach((row, index) => {
    const excelRow = sheet.getRow(index + 2);
    excelRow.getCell(6).numFmt = DATE_FORMAT;
    if (row.value !== null) excelRow.getCell(8).numFmt = UNIT_FORMATS[row.unit];
  });

  const about = workbook.addWorksheet('说明');
  about.columns = [{ width: 18 }, { width: 60 }];
  const reported = peers.cities.filter((city) => city.report !== null);
  const missing = peers.cities.filter((city) => city.report === null);
  about.addRows([
    ['项目', '内容'],
    ['报告月份', peers.period],
    ['参与比较城市', reported.map((city) => `${city.name}（${city.code}）`).join('、') || '无'],
    ['无本月报告城市', missing.map((city) => `${city.name}（${city.code}）`).join('、') || '无'],
    ['排名规则', '按各指标的标题数值（月度流量指标取本年累计，累计类指标取建设期累计，年度指标取最近完整年度）由高到低排名，并列同名次（1、2、2、4）；数值为空的城市不参与排名'],
    ['空白单元格', '无法计算（不是零），原因见“空值原因”'],
  ]);
  about.getRow(1).font = { bold: true };

  const buffer = await workbook.xlsx.writeBuffer();
  return withFixedZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}
