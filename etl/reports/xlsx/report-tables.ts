/**
 * The statistics tables of report.xlsx, from the validated report: one SheetTable per sheet,
 * Chinese headers, money in yuan (not rescaled: people sum and re-use these cells), ratios as
 * fractions formatted as percentages, counts as integers, null as an empty cell.
 */
import { DATASETS } from '../../schemas/index.ts';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../indicators.ts';
import { LABELS_ZH } from '../html/labels-zh.ts';
import { coverageText } from '../html/sections/data-quality-section.ts';
import type { IndicatorNullReasons } from '../indicator-figures.ts';
import type { NationalMix } from '../html/national-mix.ts';
import { PATENT_INTENSIVE_CATEGORIES, type Report } from '../report-schema.ts';
import { FORMAT, type CellValue, type SheetTable } from './sheet-table.ts';

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
      ['空白单元格', '无法计算（不是零），原因见同行“空值原因”；0为覆盖范围内的真实零值'],
      ['排名比较城市', report.peer_ranks.cities.join('、')],
      ['本月无报告城市', report.peer_ranks.missing.length === 0 ? '无' : report.peer_ranks.missing.join('、')],
      ['修订对比报告', report.revisions.compared_with === null ? '无（本市首份报告）' : `${report.revisions.compared_with.period}（${report.revisions.compared_with.generated_at}）`],
    ],
  };
}

const FIGURE_NAMES_ZH: Readonly<Record<Exclude<keyof IndicatorNullReasons, 'annual'>, string>> = {
  month: '本月',
  month_yoy_growth: '本月同比',
  ytd: '本年累计',
  ytd_prev: '上年同期累计',
  yoy_growth: '同比增长',
  cagr_since_base: '较基期年均增长',
  cumulative: '建设期累计',
  status: '状态',
};

/** "本月：数据源尚未报送；同比增长：基数为零，增长率无法计算" — why each empty cell of the row is empty. */
function reasonsText(reasons: IndicatorNullReasons): string {
  return (Object.keys(FIGURE_NAMES_ZH) as (keyof typeof FIGURE_NAMES_ZH)[])
    .flatMap((field) => {
      const reason = reasons[field];
      return reason === undefined || reason === 'not_applicable' ? [] : [`${FIGURE_NAMES_ZH[field]}：${LABELS_ZH.nullReasons[reason]}`];
    })
    .join('；');
}

/** The rank among the configured cities (empty when not ranked), of how many, on which field, and why not ranked. */
function rankCells(rank: Report['peer_ranks']['by_indicator'][IndicatorId]): CellValue[] {
  return [rank.rank, rank.of, rank.value_field, rank.null_reason === undefined ? null : LABELS_ZH.nullReasons[rank.null_reason]];
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
      (figures.status === 'no_data' && figures.null_reasons.status !== undefined ? LABELS_ZH.statusNotJudged(figures.null_reasons.status) : LABELS_ZH.status[figures.status]).replace(/^\S+\s/, ''),
      reasonsText(figures.null_reasons),
      ...rankCells(report.peer_ranks.by_indicator[id]),
    ];
  });
  const cellFormats = INDICATOR_IDS.map((id) => {
    const value = unitFormat(INDICATORS[id].unit);
    const target = report.indicators[id].target.kind === 'growth' ? FORMAT.ratio : value;
    return [undefined, undefined, undefined, value, value, value, undefined, undefined, value, undefined, target, undefined, undefined, FORMAT.count, FORMAT.count, undefined, undefined];
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
      { header: '状态', width: 12 },
      { header: '空值原因', width: 48 },
      { header: '城市排名', width: 10 },
      { header: '参与排名城市数', width: 14 },
      { header: '排名依据', width: 14 },
      { header: '未排名原因', width: 24 },
    ],
    rows,
    cellFormats,
  };
}

export function annualTable(report: Report): SheetTable {
  const years = [...new Set(INDICATOR_IDS.flatMap((id) => Object.keys(report.indicators[id].annual)))].sort();
  return {
    name: '年度数据',
    columns: [
      { header: '指标代码', width: 34 },
      { header: '指标名称', width: 34 },
      { header: '单位', width: 8 },
      ...years.map((year) => ({ header: `${year}年`, width: 18 })),
      { header: '空值原因', width: 40 },
    ],
    rows: INDICATOR_IDS.map((id) => {
      const annual = report.indicators[id].annual;
      const reasons = Object.entries(report.indicators[id].null_reasons.annual ?? {}).map(([year, reason]) => `${year}年：${LABELS_ZH.nullReasons[reason]}`);
      return [id, INDICATORS[id].nameZh, unitName(INDICATORS[id].unit), ...years.map((year) => annual[year] ?? null), reasons.join('；')];
    }),
    cellFormats: INDICATOR_IDS.map((id) => [undefined, undefined, undefined, ...years.map(() => unitFormat(INDICATORS[id].unit)), undefined]),
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
    cellNotes: trend.months.map((_month, index) => [
      undefined,
      ...INDICATOR_IDS.map((id) => {
        const reason = trend.null_reasons[id][index];
        return reason === null || reason === undefined ? undefined : LABELS_ZH.nullReasons[reason];
      }),
    ]),
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
      { header: LABELS_ZH.patentIntensive.shareOfGdp, width: 18, numberFormat: FORMAT.ratio },
    ],
    rows: [
      ...PATENT_INTENSIVE_CATEGORIES.map((code) => [code, LABELS_ZH.categoryNames[code] ?? code, section.by_category[code], nationalMix?.shares[code] ?? null, null]),
      ['合计', section.method === null ? '' : `核算方法：${LABELS_ZH.patentIntensive.methods[section.method]}`, section.value_added_cny, nationalMix === null ? null : 1, section.share_of_gdp],
      // The national share of GDP of the latest bulletin at or before the city's year, under the city's.
      ['全国', section.national === null ? '' : `${section.national.year}年`, null, null, section.national?.share_of_gdp ?? null],
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
      { header: '数据集', width: 26 },
      { header: '数据集名称', width: 22 },
      { header: '覆盖月份（依据）', width: 40 },
      { header: '最新月份', width: 10 },
      { header: '本市计入行数', width: 13, numberFormat: FORMAT.count },
      { header: '其中本月', width: 10, numberFormat: FORMAT.count },
      { header: '覆盖范围外行数', width: 14, numberFormat: FORMAT.count },
      { header: '本市拒收行数', width: 13, numberFormat: FORMAT.count },
      { header: '主要拒收原因', width: 36 },
    ],
    rows: [
      ...Object.entries(quality.by_dataset).map(([dataset, counts]) => [
        dataset,
        titles[dataset]?.titleZh ?? '',
        coverageText(counts.coverage, LABELS_ZH, 'zh'),
        counts.latest_period,
        counts.rows_counted,
        counts.rows_in_month,
        counts.rows_outside_coverage,
        counts.rows_rejected,
        counts.top_reject_reasons.map((reason) => `${reason.rule} ×${reason.rows}`).join('、'),
      ]),
      ['合计', `${report.city.name}，截至${report.period}`, '', null, sumOf(Object.values(quality.by_dataset).map((counts) => counts?.rows_counted ?? 0)), null, null, quality.rows_rejected, ''],
    ],
  };
}

/** The lake's totals over every source file, apart from the city's figures. */
export function lakeQualityTable(report: Report): SheetTable {
  const lake = report.data_quality.lake;
  const titles = DATASETS as Readonly<Record<string, { readonly titleZh: string } | undefined>>;
  return {
    name: '全库数据质量',
    columns: [
      { header: '数据集', width: 26 },
      { header: '数据集名称', width: 22 },
      { header: '文件数', width: 8, numberFormat: FORMAT.count },
      { header: '读取行数', width: 12, numberFormat: FORMAT.count },
      { header: '拒收行数', width: 12, numberFormat: FORMAT.count },
      { header: '全库最新月份', width: 12 },
      { header: '整体无法读取、尚未更正的文件', width: 60 },
    ],
    rows: [
      ...Object.entries(lake.by_dataset).map(([dataset, counts]) => [
        dataset,
        titles[dataset]?.titleZh ?? '',
        counts.files,
        counts.rows_read,
        counts.rows_rejected,
        counts.latest_period,
        counts.files_rejected_whole.map((file) => `${file.file}（${file.rejected_at} 拒收：${file.reason}）`).join('；'),
      ]),
      ['合计', `所有城市、所有月份；其中无法识别城市的拒收行 ${lake.rows_rejected_without_city} 行`, null, lake.rows_read, lake.rows_rejected, null, null],
    ],
  };
}

/** 修订说明: figures of earlier periods changed since the previous report. */
export function revisionsTable(report: Report): SheetTable {
  const revisions = report.revisions;
  return {
    name: '修订说明',
    columns: [
      { header: '指标代码', width: 32 },
      { header: '指标名称', width: 30 },
      { header: '时期', width: 10 },
      { header: '原发布值', width: 18 },
      { header: '修订值', width: 18 },
      { header: '修订值空缺原因', width: 22 },
      { header: '修订来源文件', width: 44 },
      { header: '对比报告', width: 12 },
    ],
    rows: revisions.changes.map((change) => [
      change.indicator,
      INDICATORS[change.indicator].nameZh,
      change.figure === 'annual' ? `${change.period}年` : change.period,
      change.old,
      change.new,
      change.null_reason === undefined ? '' : LABELS_ZH.nullReasons[change.null_reason],
      change.sources.length === 0 ? LABELS_ZH.revisions.noSource : change.sources.map((source) => `${source.file}${source.superseded_rows > 0 ? `（替换原记录${source.superseded_rows}行）` : ''}`).join('；'),
      revisions.compared_with?.period ?? '',
    ]),
    cellFormats: revisions.changes.map((change) => [undefined, undefined, undefined, unitFormat(change.unit), unitFormat(change.unit), undefined, undefined, undefined]),
  };
}

function sumOf(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
