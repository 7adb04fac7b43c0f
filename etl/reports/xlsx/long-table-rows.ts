/**
 * The long, tidy table of report.xlsx (sheet 长表数据): one row per indicator × period × measure
 * of the city's report, for filters and pivot tables. Grain and measures (docs/reports.md
 * "report.xlsx: sheets, units, the long table"):
 * - 本月值: each of the 24 months of monthly_trend (时期 the month, 时期类型 月);
 * - 年度值: each year of `annual` (时期 1 January, 时期类型 年);
 * - the report's snapshot figures 本月同比 (the report month over the same month a year earlier),
 *   本年累计 and 同比增长 (时期 the report month), 上年同期累计 (the same month a year earlier),
 *   建设期累计 (the report month), each over its span (时期类型);
 * - 较基期年均增长 (时期 the last year of the span).
 * Amounts are exact yuan (元) or counts in the indicator's unit, so summing 本月值 or 年度值 rows
 * is exact; ratios have the unit 比率 and must never be summed. A figure that does not exist for
 * the indicator's kind (not_applicable) has no row; any other null keeps its row, empty, with why.
 */
import { LABELS_ZH } from '../html/labels-zh.ts';
import { INDICATORS, INDICATOR_IDS, type IndicatorId, type IndicatorUnitZh } from '../indicators.ts';
import type { NullReason } from '../null-reasons.ts';
import { latestCompleteYear, yearOf } from '../period.ts';
import type { Report } from '../report-schema.ts';
import { firstOfMonth, firstOfYear } from './excel-dates.ts';
import { unitZhOf } from './indicator-unit-zh.ts';

export const LONG_TABLE_MEASURES = {
  month: '本月值',
  annual: '年度值',
  ytd: '本年累计',
  ytd_prev: '上年同期累计',
  cumulative: '建设期累计',
  month_yoy_growth: '本月同比',
  yoy_growth: '同比增长',
  cagr_since_base: '较基期年均增长',
} as const;
export type LongTableMeasure = (typeof LONG_TABLE_MEASURES)[keyof typeof LONG_TABLE_MEASURES];

/** What span a row's 时期 stands for. */
export const PERIOD_KINDS = {
  month: '月',
  year: '年',
  yearToDate: '1月至该月',
  sinceProgrammeStart: '建设期首年1月至该月',
  sinceBaseYear: '基期年至该年',
} as const;
export type PeriodKind = (typeof PERIOD_KINDS)[keyof typeof PERIOD_KINDS];

export const RATIO_UNIT = '比率';
export type LongTableUnit = IndicatorUnitZh | typeof RATIO_UNIT;

export interface LongTableRow {
  readonly cityCode: string;
  readonly cityName: string;
  readonly indicator: IndicatorId;
  readonly indicatorNameZh: string;
  /** The first day of the month or of the year, midnight UTC. */
  readonly period: Date;
  /** Whether `period` is shown as a month (yyyy-mm) or a year (yyyy). */
  readonly periodShownAs: 'month' | 'year';
  readonly periodKind: PeriodKind;
  readonly measure: LongTableMeasure;
  readonly value: number | null;
  readonly unit: LongTableUnit;
  /** Why `value` is null, in words; null when it is not. */
  readonly nullReason: string | null;
}

export function longTableRows(report: Report): LongTableRow[] {
  return INDICATOR_IDS.flatMap((id) => indicatorRows(report, id));
}

function indicatorRows(report: Report, id: IndicatorId): LongTableRow[] {
  const figures = report.indicators[id];
  const reasons = figures.null_reasons;
  const amountUnit = unitZhOf(id);
  const rows: LongTableRow[] = [];
  const push = (measure: LongTableMeasure, at: { period: Date; shownAs: 'month' | 'year'; kind: PeriodKind }, value: number | null, unit: LongTableUnit, reason: NullReason | null | undefined): void => {
    if (value === null && reason === 'not_applicable') return;
    if (value === null && (reason === null || reason === undefined)) throw new Error(`report ${report.city.code} ${report.period}: ${id} ${measure} is null without a reason`);
    rows.push({
      cityCode: report.city.code,
      cityName: report.city.name,
      indicator: id,
      indicatorNameZh: INDICATORS[id].nameZh,
      period: at.period,
      periodShownAs: at.shownAs,
      periodKind: at.kind,
      measure,
      value,
      unit,
      nullReason: value === null && reason !== null && reason !== undefined ? LABELS_ZH.nullReasons[reason] : null,
    });
  };
  const month = (period: string, kind: PeriodKind) => ({ period: firstOfMonth(period), shownAs: 'month' as const, kind });
  const year = (value: number | string, kind: PeriodKind) => ({ period: firstOfYear(value), shownAs: 'year' as const, kind });

  const trend = report.monthly_trend;
  trend.months.forEach((period, index) => push(LONG_TABLE_MEASURES.month, month(period, PERIOD_KINDS.month), trend.values[id][index] ?? null, amountUnit, trend.null_reasons[id][index]));
  for (const [annualYear, value] of Object.entries(figures.annual).sort(([a], [b]) => a.localeCompare(b))) {
    push(LONG_TABLE_MEASURES.annual, year(annualYear, PERIOD_KINDS.year), value, amountUnit, reasons.annual?.[annualYear]);
  }
  const sameMonthLastYear = `${yearOf(report.period) - 1}-${report.period.slice(5)}`;
  push(LONG_TABLE_MEASURES.ytd, month(report.period, PERIOD_KINDS.yearToDate), figures.ytd, amountUnit, reasons.ytd);
  push(LONG_TABLE_MEASURES.ytd_prev, month(sameMonthLastYear, PERIOD_KINDS.yearToDate), figures.ytd_prev, amountUnit, reasons.ytd_prev);
  push(LONG_TABLE_MEASURES.cumulative, month(report.period, PERIOD_KINDS.sinceProgrammeStart), figures.cumulative, amountUnit, reasons.cumulative);
  // The annual patent-intensive indicator grows year on year up to the section's year; the monthly ones compare year-to-date figures.
  const lastYear = INDICATORS[id].cadence === 'annual' ? (report.patent_intensive.year ?? latestCompleteYear(report.period)) : latestCompleteYear(report.period);
  push(LONG_TABLE_MEASURES.month_yoy_growth, month(report.period, PERIOD_KINDS.month), figures.month_yoy_growth, RATIO_UNIT, reasons.month_yoy_growth);
  const yoyPeriod = INDICATORS[id].cadence === 'annual' ? year(lastYear, PERIOD_KINDS.year) : month(report.period, PERIOD_KINDS.yearToDate);
  push(LONG_TABLE_MEASURES.yoy_growth, yoyPeriod, figures.yoy_growth, RATIO_UNIT, reasons.yoy_growth);
  push(LONG_TABLE_MEASURES.cagr_since_base, year(lastYear, PERIOD_KINDS.sinceBaseYear), figures.cagr_since_base, RATIO_UNIT, reasons.cagr_since_base);
  return rows;
}
