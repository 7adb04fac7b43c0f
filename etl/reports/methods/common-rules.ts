/**
 * The rules every indicator shares, written once and quoted in each entry of 指标解释 (each row
 * of the xlsx sheet must stand on its own). They say what etl/reports/indicator-figures.ts,
 * indicator-status.ts and the views in sql/ do (docs/indicators.md, docs/counting-rules.md).
 */
import { formatTrimmedPercent } from '../format/percent.ts';
import { INDICATORS, type IndicatorId } from '../indicators.ts';

/** Which date decides the month, and that nothing after the report month counts. */
export function monthRule(dateColumn: string): string {
  return `按${dateColumn}所在自然月归属；报告月之后的记录一律不计。`;
}

export const CURRENT_ROWS_RULE = '同一记录（自然键相同）以最后入湖的版本为准，被更正文件替换的旧记录在任何月份都不计。';

export const CITY_ROLL_UP_RULE = '区县行政区划代码先归并至所属城市（直辖市各区归并至直辖市）再计数；只统计城市配置中列出的城市。';

export const COVERAGE_RULE =
  '某一时段内任一月份不在该数据集的覆盖范围（报送声明、城市配置或推断）内时，该时段的数值为空，不以0代替，并注明原因；覆盖范围内没有记录的月份为0。';

const RATIO_ROUNDING = '增长率以小数表示（0.2即20%），按精确值四舍五入（远离零）保留6位小数。';

/** month, ytd, ytd_prev, yoy_growth, annual and cagr_since_base of a monthly flow indicator. */
export function flowFormula(monthValue: string): string {
  return [
    `本月值 = ${monthValue}`,
    '本年累计 = 报告年1月至报告月各月值之和',
    '上年同期累计 = 上一年1月至上一年同月各月值之和',
    '同比增长 = 本年累计 ÷ 上年同期累计 − 1（上年同期累计为0时为空）',
    '年度值 = 该年1月至12月各月值之和',
    '较基期年均增长 = （最近完整年度值 ÷ 基期年度值）^(1 ÷ (最近完整年度 − 基期年度)) − 1',
  ].join('；') + '。';
}

export const FLOW_YEARS_RULE =
  '最近完整年度：报告月为12月时为报告年，否则为上一年；基期年度为城市配置的基期年（默认建设期首年的上一年）。最近完整年度不晚于基期年度、基期年度值或最近完整年度值为空（该年未被数据完全覆盖）、基期年度值为0时，年均增长为空。' +
  RATIO_ROUNDING;

/** month, ytd, cumulative of a cumulative indicator, counted from the programme start. */
export function cumulativeFormula(monthValue: string): string {
  return [
    `本月值 = ${monthValue}`,
    '本年累计 = 报告年1月至报告月各月值之和',
    '上年同期累计 = 上一年1月至上一年同月各月值之和',
    '同比增长 = 本年累计 ÷ 上年同期累计 − 1（上年同期累计为0时为空）',
    '建设期累计 = 建设期首年1月1日至报告月各月值之和',
  ].join('；') + '。';
}

export const CUMULATIVE_START_RULE =
  '只计建设期首年（城市配置的programme_start_year）1月1日及以后的记录：起点早于该日的时段（如建设期首年的上年同期累计）数值为空；数据覆盖范围未回溯至建设期首年1月时，建设期累计为空。该类指标不计算较基期年均增长。' +
  RATIO_ROUNDING;

/** The indicator's target kind, its default (the 2020 notice's) and how the status is judged. */
export function targetRule(id: IndicatorId, unitZh: string): string {
  const { defaultTarget } = INDICATORS[id];
  if (defaultTarget.kind === 'growth') {
    const value =
      defaultTarget.value === 0
        ? '默认0，即任何正增长（《通知》要求“显著提升”，未给出数值）'
        : `默认${formatTrimmedPercent(defaultTarget.value, 2)}（《通知》的年均增幅）`;
    return `目标类型为年均增长，${value}，城市配置可另设。状态：较基期年均增长 ≥ 目标且 > 0 为已达标；否则同比增长 ≥ 目标且 > 0 为进度正常；否则为落后；两者均无法计算为无数据。`;
  }
  return `目标类型为建设期累计量，默认${defaultTarget.value}${unitZh}（《通知》的数值），城市配置可另设。状态：建设期累计 ≥ 目标为已达标；≥ 目标 × min(建设期首年1月至报告月的月数（含首尾两月）÷ 36, 1) 为进度正常；否则为落后；建设期累计为空时为无数据。`;
}
