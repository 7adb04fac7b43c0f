/**
 * The formatted statistics tables of report.xlsx, from the validated report: one SheetTable per
 * sheet, Chinese headers, money in 万元 (yuan ÷ 10,000 exactly, two decimals shown; wan-yuan.ts),
 * counts as integers in their own unit, ratios as fractions formatted as percentages, months and
 * years as dates, null as an empty cell. One unit per column: where a column holds several
 * indicators, a 计量单位 column names each row's. Totals sit under the data after an empty row.
 * The exact yuan figures, for sums and pivots, are in the long table (long-table-sheet.ts).
 */
import { DATASETS } from '../../schemas/index.ts';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../indicators.ts';
import { LABELS_ZH } from '../html/labels-zh.ts';
import { coverageText } from '../html/sections/data-quality-section.ts';
import type { IndicatorNullReasons } from '../indicator-figures.ts';
import type { NationalMix } from '../html/national-mix.ts';
import type { NullReason } from '../null-reasons.ts';
import { PATENT_INTENSIVE_CATEGORIES, type Report } from '../report-schema.ts';
import { demonstrationBannerFor, DEMONSTRATION_BANNER, isDemonstrationClassification } from './demonstration-banner.ts';
import { DATE_FORMAT, firstOfMonth, firstOfYear } from './excel-dates.ts';
import { displayUnitZhOf } from './indicator-unit-zh.ts';
import { LONG_TABLE_SHEET_NAME } from './long-table-sheet.ts';
import { FORMAT, type CellValue, type SheetTable } from './sheet-table.ts';
import { WAN_YUAN, WAN_YUAN_FORMAT, yuanToWan } from './wan-yuan.ts';

/** An indicator's amount as the formatted sheets show it: 万元 for money, the count itself otherwise. */
function shownAmount(id: IndicatorId, value: number | null): number | null {
  return INDICATORS[id].unit === 'cny' ? yuanToWan(value) : value;
}

function amountFormat(id: IndicatorId): string {
  return INDICATORS[id].unit === 'cny' ? WAN_YUAN_FORMAT : FORMAT.count;
}

/** A month 'YYYY-MM' as a date cell, null as an empty one. */
function monthCell(period: string | null): Date | null {
  return period === null ? null : firstOfMonth(period);
}

/** The note of a cell: why it is empty; none on a cell with a value. */
function emptyCellNote(value: number | null, reason: NullReason | null | undefined): string | undefined {
  return value !== null || reason === null || reason === undefined ? undefined : LABELS_ZH.nullReasons[reason];
}

export function aboutTable(report: Report): SheetTable {
  return {
    name: '报告说明',
    columns: [
      { header: '项目', width: 22 },
      { header: '内容', width: 60 },
    ],
    rows: [
      ['城市代码', report.city.code],
      ['城市', report.city.name],
      ['报告月份', report.period],
      ['生成时间', report.generated_at],
      ['专利密集型产业分类版本', report.classification_version ?? '未载入'],
      ...(isDemonstrationClassification(report) ? [['分类说明', DEMONSTRATION_BANNER]] : []),
      ['报告格式版本', report.schema_version],
      ['金额单位', `各格式化表：${WAN_YUAN}（元 ÷ 10,000，显示两位小数）；${LONG_TABLE_SHEET_NAME}：元（精确到分）`],
      ['数据透视', `用“${LONG_TABLE_SHEET_NAME}”表：先按“度量”筛选（本月值或年度值可跨时期加总），再按计量单位汇总；比率不可加总`],
      ['合计行', '位于各表数据区域下方（空一行），不在筛选和数据透视范围内'],
      ['空白单元格', '无法计算（不是零），原因见同行“空值原因”；0为覆盖范围内的真实零值'],
      ['排名比较城市', report.peer_ranks.cities.join('、')],
      ['本月无报告城市', report.peer_ranks.missing.length === 0 ? '无' : report.peer_ranks.missing.join('、')],
      ['修订对比报告', report.revisions.compared_with === null ? '无（本市首份报告）' : `${report.revisions.compared_with.period}（${report.revisions.compared_with.generated_at}）`],
    ],
    autoFilter: false,
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

/**
 * 指标总览: one row per indicator. The target is split by kind into two columns (a growth rate,
 * a level in the row's unit) so no column mixes a percentage with an amount.
 */
export function indicatorTable(report: Report): SheetTable {
  const rows = INDICATOR_IDS.map((id) => {
    const figures = report.indicators[id];
    const growthTarget = figures.target.kind === 'growth' ? figures.target.value : null;
    const levelTarget = figures.target.kind === 'cumulative' ? shownAmount(id, figures.target.value) : null;
    return [
      id,
      INDICATORS[id].nameZh,
      displayUnitZhOf(id),
      shownAmount(id, figures.month),
      figures.month_yoy_growth,
      shownAmount(id, figures.ytd),
      shownAmount(id, figures.ytd_prev),
      figures.yoy_growth,
      figures.cagr_since_base,
      shownAmount(id, figures.cumulative),
      figures.target.kind === 'growth' ? '年均增长' : '累计',
      growthTarget,
      levelTarget,
      (figures.status === 'no_data' && figures.null_reasons.status !== undefined ? LABELS_ZH.statusNotJudged(figures.null_reasons.status) : LABELS_ZH.status[figures.status]).replace(/^\S+\s/, ''),
      reasonsText(figures.null_reasons),
      ...rankCells(report.peer_ranks.by_indicator[id]),
    ];
  });
  const cellFormats = INDICATOR_IDS.map((id) => {
    const amount = amountFormat(id);
    const target = report.indicators[id].target;
    // A configured level may have a fraction (a target to date): two decimals unless it is whole.
    const levelFormat = INDICATORS[id].unit === 'cny' || !Number.isInteger(target.value) ? FORMAT.money : FORMAT.count;
    return [undefined, undefined, undefined, amount, undefined, amount, amount, undefined, undefined, amount, undefined, undefined, levelFormat];
  });
  return {
    name: '指标总览',
    columns: [
      { header: '指标代码', width: 34 },
      { header: '指标名称', width: 34 },
      { header: '计量单位', width: 10 },
      { header: '本月', width: 16 },
      { header: '本月同比', width: 11, numberFormat: FORMAT.ratio },
      { header: '本年累计', width: 18 },
      { header: '上年同期累计', width: 18 },
      { header: '同比增长', width: 11, numberFormat: FORMAT.ratio },
      { header: '较基期年均增长', width: 15, numberFormat: FORMAT.ratio },
      { header: '建设期累计', width: 14 },
      { header: '目标类型', width: 10 },
      { header: '目标：年均增长', width: 14, numberFormat: FORMAT.ratio },
      { header: '目标：建设期累计', width: 16 },
      { header: '状态', width: 12 },
      { header: '空值原因', width: 48 },
      { header: '城市排名', width: 10, numberFormat: FORMAT.count },
      { header: '参与排名城市数', width: 14, numberFormat: FORMAT.count },
      { header: '排名依据', width: 14 },
      { header: '未排名原因', width: 24 },
    ],
    rows,
    cellFormats,
    banner: demonstrationBannerFor(report),
  };
}

export function annualTable(report: Report): SheetTable {
  const years = [...new Set(INDICATOR_IDS.flatMap((id) => Object.keys(report.indicators[id].annual)))].sort();
  return {
    name: '年度数据',
    columns: [
      { header: '指标代码', width: 34 },
      { header: '指标名称', width: 34 },
      { header: '计量单位', width: 10 },
      ...years.map((year) => ({ header: `${year}年`, width: 18 })),
      { header: '空值原因', width: 40 },
    ],
    rows: INDICATOR_IDS.map((id) => {
      const annual = report.indicators[id].annual;
      const reasons = Object.entries(report.indicators[id].null_reasons.annual ?? {}).map(([year, reason]) => `${year}年：${LABELS_ZH.nullReasons[reason]}`);
      return [id, INDICATORS[id].nameZh, displayUnitZhOf(id), ...years.map((year) => shownAmount(id, annual[year] ?? null)), reasons.join('；')];
    }),
    cellFormats: INDICATOR_IDS.map((id) => [undefined, undefined, undefined, ...years.map(() => amountFormat(id)), undefined]),
  };
}

/** 月度数据: the 24 months of the trend, one column per monthly indicator (the annual one has no months). */
export function monthlyTrendTable(report: Report): SheetTable {
  const trend = report.monthly_trend;
  const ids = INDICATOR_IDS.filter((id) => INDICATORS[id].cadence === 'monthly');
  return {
    name: '月度数据',
    columns: [
      { header: '月份', width: 10, numberFormat: DATE_FORMAT.month },
      ...ids.map((id) => ({ header: `${INDICATORS[id].nameZh}（${displayUnitZhOf(id)}）`, width: 20, numberFormat: amountFormat(id) })),
    ],
    rows: trend.months.map((month, index) => [firstOfMonth(month), ...ids.map((id) => shownAmount(id, trend.values[id][index] ?? null))]),
    cellNotes: trend.months.map((_month, index) => [undefined, ...ids.map((id) => emptyCellNote(trend.values[id][index] ?? null, trend.null_reasons[id][index]))]),
  };
}

/** 专利密集型产业: the seven categories; the city's total and the national share under them. */
export function patentIntensiveTable(report: Report, nationalMix: NationalMix | null): SheetTable {
  const section = report.patent_intensive;
  return {
    name: '专利密集型产业',
    columns: [
      { header: '类别代码', width: 10 },
      { header: '类别名称', width: 28 },
      { header: `本市增加值（${WAN_YUAN}）${section.year === null ? '' : `${section.year}年`}`, width: 22, numberFormat: WAN_YUAN_FORMAT },
      { header: nationalMix === null ? '全国构成' : `全国构成（${nationalMix.year}年）`, width: 18, numberFormat: FORMAT.ratio },
      { header: LABELS_ZH.patentIntensive.shareOfGdp, width: 18, numberFormat: FORMAT.ratio },
    ],
    rows: PATENT_INTENSIVE_CATEGORIES.map((code) => [code, LABELS_ZH.categoryNames[code] ?? code, yuanToWan(section.by_category[code]), nationalMix?.shares[code] ?? null, null]),
    totals: {
      rows: [
        ['合计', section.method === null ? '' : `核算方法：${LABELS_ZH.patentIntensive.methods[section.method]}`, yuanToWan(section.value_added_cny), nationalMix === null ? null : 1, section.share_of_gdp],
        // The national share of GDP of the latest bulletin at or before the city's year, under the city's.
        ['全国', section.national === null ? '' : `${section.national.year}年`, null, null, section.national?.share_of_gdp ?? null],
      ],
      cellNotes: [[undefined, undefined, emptyCellNote(section.value_added_cny, section.null_reasons.value_added_cny), undefined, emptyCellNote(section.share_of_gdp, section.null_reasons.share_of_gdp)]],
    },
    banner: demonstrationBannerFor(report),
  };
}

/** 地理标志产品: one row per product; the report's two totals under them. */
export function giProductTable(report: Report): SheetTable {
  const gi = report.gi_output;
  return {
    name: '地理标志产品',
    columns: [
      { header: '地理标志编号', width: 16 },
      { header: '产品名称', width: 20 },
      { header: '运用促进工程', width: 14 },
      { header: `${gi.year}年累计产值（${WAN_YUAN}）`, width: 22, numberFormat: WAN_YUAN_FORMAT },
      { header: '用标主体数（家）', width: 16, numberFormat: FORMAT.count },
    ],
    rows: gi.by_product.map((product) => [product.gi_id, product.name, product.in_promotion_project ? '是' : '否', yuanToWan(product.ytd_cny), product.users]),
    totals: {
      rows: [
        ['合计', '运用促进工程产品', '是', yuanToWan(gi.ytd_promotion_project_cny), null],
        ['合计', '全部产品', '', yuanToWan(gi.ytd_all_cny), null],
      ],
      cellNotes: [
        [undefined, undefined, undefined, emptyCellNote(gi.ytd_promotion_project_cny, gi.null_reasons.ytd_promotion_project_cny), undefined],
        [undefined, undefined, undefined, emptyCellNote(gi.ytd_all_cny, gi.null_reasons.ytd_all_cny), undefined],
      ],
    },
  };
}

/** 数据质量: the city's figures per dataset; the city's totals under them. */
export function dataQualityTable(report: Report): SheetTable {
  const quality = report.data_quality;
  const titles = DATASETS as Readonly<Record<string, { readonly titleZh: string } | undefined>>;
  return {
    name: '数据质量',
    columns: [
      { header: '数据集', width: 26 },
      { header: '数据集名称', width: 22 },
      { header: '覆盖月份（依据）', width: 40 },
      { header: '最新月份', width: 10, numberFormat: DATE_FORMAT.month },
      { header: '本市计入行数', width: 13, numberFormat: FORMAT.count },
      { header: '其中本月', width: 10, numberFormat: FORMAT.count },
      { header: '覆盖范围外行数', width: 14, numberFormat: FORMAT.count },
      { header: '本市拒收行数', width: 13, numberFormat: FORMAT.count },
      { header: '主要拒收原因', width: 36 },
    ],
    rows: Object.entries(quality.by_dataset).map(([dataset, counts]) => [
      dataset,
      titles[dataset]?.titleZh ?? '',
      coverageText(counts.coverage, LABELS_ZH, 'zh'),
      monthCell(counts.latest_period),
      counts.rows_counted,
      counts.rows_in_month,
      counts.rows_outside_coverage,
      counts.rows_rejected,
      counts.top_reject_reasons.map((reason) => `${reason.rule} ×${reason.rows}`).join('、'),
    ]),
    totals: {
      // Whole counts: their sum is exact. The rejected rows are the report's own total.
      rows: [['合计', `${report.city.name}，截至${report.period}`, '', null, sumOf(Object.values(quality.by_dataset).map((counts) => counts?.rows_counted ?? 0)), null, null, quality.rows_rejected, '']],
    },
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
      { header: '全库最新月份', width: 12, numberFormat: DATE_FORMAT.month },
      { header: '整体无法读取、尚未更正的文件', width: 60 },
    ],
    rows: Object.entries(lake.by_dataset).map(([dataset, counts]) => [
      dataset,
      titles[dataset]?.titleZh ?? '',
      counts.files,
      counts.rows_read,
      counts.rows_rejected,
      monthCell(counts.latest_period),
      counts.files_rejected_whole.map((file) => `${file.file}（${file.rejected_at} 拒收：${file.reason}）`).join('；'),
    ]),
    totals: {
      rows: [['合计', `所有城市、所有月份；其中无法识别城市的拒收行 ${lake.rows_rejected_without_city} 行`, null, lake.rows_read, lake.rows_rejected, null, null]],
    },
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
      { header: '时期类型', width: 10 },
      { header: '计量单位', width: 10 },
      { header: '原发布值', width: 18 },
      { header: '修订值', width: 18 },
      { header: '修订值空缺原因', width: 22 },
      { header: '修订来源文件', width: 44 },
      { header: '对比报告', width: 12 },
    ],
    rows: revisions.changes.map((change) => [
      change.indicator,
      INDICATORS[change.indicator].nameZh,
      change.figure === 'annual' ? firstOfYear(change.period) : firstOfMonth(change.period),
      change.figure === 'annual' ? '年' : '月',
      displayUnitZhOf(change.indicator),
      shownAmount(change.indicator, change.old),
      shownAmount(change.indicator, change.new),
      change.null_reason === undefined ? '' : LABELS_ZH.nullReasons[change.null_reason],
      change.sources.length === 0 ? LABELS_ZH.revisions.noSource : change.sources.map((source) => `${source.file}${source.superseded_rows > 0 ? `（替换原记录${source.superseded_rows}行）` : ''}`).join('；'),
      revisions.compared_with?.period ?? '',
    ]),
    cellFormats: revisions.changes.map((change) => [
      undefined,
      undefined,
      change.figure === 'annual' ? DATE_FORMAT.year : DATE_FORMAT.month,
      undefined,
      undefined,
      amountFormat(change.indicator),
      amountFormat(change.indicator),
    ]),
  };
}

function sumOf(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
