/**
 * The statistics tables of report.xlsx, from the validated report: one SheetTable per sheet,
 * Chinese headers, money in yuan (not rescaled: people sum and re-use these cells), ratios as
 * fractions formatted as percentages, counts as integers, null as an empty cell.
 */
import { DATASETS } from '../../schemas/index.ts';
import { INDICATORS, INDICATOR_IDS } from '../indicators.ts';
import { LABELS_ZH } from '../html/labels-zh.ts';
import type { NationalMix } from '../html/national-mix.ts';
import { PATENT_INTENSIVE_CATEGORIES, type Report } from '../report-schema.ts';
import { FORMAT, type SheetTable } from './sheet-table.ts';

const unitFormat = (unit: 'count' | 'cny') => (unit === 'cny' ? FORMAT.money : FORMAT.count);
const unitName = (unit: 'count' | 'cny') => (unit === 'cny' ? '元' : '个/次');

export function aboutTable(report: Report): SheetTable {
  return {
    name: '报告说明',
    columns: [
      { header: '项目', width: 22 },
      { header: '内容', width: 44 },
    ],
    rows: [
      ['城市代码', report.city.code],
      ['城市', report.city.name],
      ['报告月份', report.period],
      ['生成时间', report.generated_at],
      ['专利密集型产业分类版本', report.classification_version ?? '未载入'],
      ['报告格式版本', report.schema_version],
      ['金额单位', '元'],
      ['空白单元格', '数据未覆盖或无法计算（不是零）'],
    ],
  };
}

export function indicatorTable(report: Report): SheetTable {
  const rows = INDICATOR_IDS.map((id) => {
    const figures = report.indicators[id];
    return [
      id,
      INDICATORS[id].nameZh,
      unitName(figures.unit),
      figures.month,
      figures.ytd,
      figures.ytd_prev,
      figures.yoy_growth,
      figures.cagr_since_base,
      figures.cumulative,
      figures.target.kind === 'growth' ? '年均增长' : '累计',
      figures.target.value,
      LABELS_ZH.status[figures.status].replace(/^\S+\s/, ''),
    ];
  });
  const cellFormats = INDICATOR_IDS.map((id) => {
    const value = unitFormat(INDICATORS[id].unit);
    const target = report.indicators[id].target.kind === 'growth' ? FORMAT.ratio : value;
    return [undefined, undefined, undefined, value, value, value, undefined, undefined, value, undefined, target, undefined];
  });
  return {
    name: '指标总览',
    columns: [
      { header: '指标代码', width: 34 },
      { header: '指标名称', width: 34 },
      { header: '单位', width: 8 },
      { header: '本月', width: 16 },
      { header: '本年累计', width: 18 },
      { header: '上年同期累计', width: 18 },
      { header: '同比增长', width: 11, numberFormat: FORMAT.ratio },
      { header: '较基期年均增长', width: 15, numberFormat: FORMAT.ratio },
      { header: '建设期累计', width: 14 },
      { header: '目标类型', width: 10 },
      { header: '目标值', width: 14 },
      { header: '状态', width: 10 },
    ],
    rows,
    cellFormats,
  };
}

export function annualTable(report: Report): SheetTable {
  const years = [...new Set(INDICATOR_IDS.flatMap((id) => Object.keys(report.indicators[id].annual)))].sort();
  return {
    name: '年度数据',
    columns: [{ header: '指标代码', width: 34 }, { header: '指标名称', width: 34 }, { header: '单位', width: 8 }, ...years.map((year) => ({ header: `${year}年`, width: 18 }))],
    rows: INDICATOR_IDS.map((id) => {
      const annual = report.indicators[id].annual;
      return [id, INDICATORS[id].nameZh, unitName(INDICATORS[id].unit), ...years.map((year) => annual[year] ?? null)];
    }),
    cellFormats: INDICATOR_IDS.map((id) => [undefined, undefined, undefined, ...years.map(() => unitFormat(INDICATORS[id].unit))]),
  };
}

export function monthlyTrendTable(report: Report): SheetTable {
  const trend = report.monthly_trend;
  return {
    name: '月度数据',
    columns: [
      { header: '月份', width: 10 },
      ...INDICATOR_IDS.map((id) => ({ header: `${INDICATORS[id].nameZh}（${unitName(INDICATORS[id].unit)}）`, width: 20, numberFormat: unitFormat(INDICATORS[id].unit) })),
    ],
    rows: trend.months.map((month, index) => [month, ...INDICATOR_IDS.map((id) => trend.values[id][index] ?? null)]),
  };
}

export function patentIntensiveTable(report: Report, nationalMix: NationalMix | null): SheetTable {
  const section = report.patent_intensive;
  return {
    name: '专利密集型产业',
    columns: [
      { header: '类别代码', width: 10 },
      { header: '类别名称', width: 28 },
      { header: `本市增加值（元）${section.year === null ? '' : `${section.year}年`}`, width: 22, numberFormat: FORMAT.money },
      { header: nationalMix === null ? '全国构成' : `全国构成（${nationalMix.year}年）`, width: 18, numberFormat: FORMAT.ratio },
    ],
    rows: [
      ...PATENT_INTENSIVE_CATEGORIES.map((code) => [code, LABELS_ZH.categoryNames[code] ?? code, section.by_category[code], nationalMix?.shares[code] ?? null]),
      ['合计', section.method === null ? '' : `核算方法：${LABELS_ZH.patentIntensive.methods[section.method]}`, section.value_added_cny, nationalMix === null ? null : 1],
    ],
  };
}

export function giProductTable(report: Report): SheetTable {
  const gi = report.gi_output;
  return {
    name: '地理标志产品',
    columns: [
      { header: '地理标志编号', width: 16 },
      { header: '产品名称', width: 20 },
      { header: '运用促进工程', width: 14 },
      { header: `${gi.year}年累计产值（元）`, width: 22, numberFormat: FORMAT.money },
      { header: '用标主体数', width: 12, numberFormat: FORMAT.count },
    ],
    rows: [
      ...gi.by_product.map((product) => [product.gi_id, product.name, product.in_promotion_project ? '是' : '否', product.ytd_cny, product.users]),
      ['合计', '运用促进工程产品', '是', gi.ytd_promotion_project_cny, null],
      ['合计', '全部产品', '', gi.ytd_all_cny, null],
    ],
  };
}

export function dataQualityTable(report: Report): SheetTable {
  const quality = report.data_quality;
  const titles = DATASETS as Readonly<Record<string, { readonly titleZh: string } | undefined>>;
  return {
    name: '数据质量',
    columns: [
      { header: '数据集', width: 32 },
      { header: '数据集名称', width: 22 },
      { header: '读取行数', width: 12, numberFormat: FORMAT.count },
      { header: '拒收行数', width: 12, numberFormat: FORMAT.count },
      { header: '最新月份', width: 12 },
    ],
    rows: [
      ...Object.entries(quality.by_dataset).map(([dataset, counts]) => [dataset, titles[dataset]?.titleZh ?? '', counts.rows_read, counts.rows_rejected, counts.latest_period]),
      ['合计', '', quality.rows_read, quality.rows_rejected, null],
    ],
  };
}
