/**
 * Extension `monthly_trend` of report.json: the monthly value of every indicator over the last
 * 24 months up to the report month. It is in the report so report.html and report.xlsx stay pure
 * functions of report.json (the trend charts need months the headline figures only sum).
 * A month gets a value under the same rule as the `month` figure: inside the indicator's
 * coverage and, for cumulative indicators, not before the programme start; otherwise null, with
 * the reason in `null_reasons` (the annual patent-intensive indicator has no monthly values).
 */
import { z } from 'zod';
import { coverageGap, jointCoverage, type CoverageByDataset } from './coverage.ts';
import { centsToCount, centsToYuan } from './exact-decimal.ts';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from './indicators.ts';
import { MonthlySeries, type MonthlyValue } from './monthly-series.ts';
import { NullReasonSchema, type NullReason } from './null-reasons.ts';
import { addMonths, firstMonthOfYear, monthIndex } from './period.ts';

/** How many months the trend shows, ending with the report month. */
export const TREND_MONTHS = 24;

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month YYYY-MM' });
const TrendValuesSchema = z
  .array(z.number().refine((value) => Number(value.toFixed(2)) === value, { error: 'trend values have at most 2 decimals' }).nullable())
  .length(TREND_MONTHS)
  .meta({ id: 'trend_values', description: 'One value per month of months (yuan or a count), null where not computable.' });
const TrendReasonsSchema = z.array(NullReasonSchema.nullable()).length(TREND_MONTHS).meta({ id: 'trend_null_reasons', description: 'Per month of months, why the value is null; null where there is a value.' });

export const MonthlyTrendSchema = z.strictObject({
  /** The months of the trend, oldest first, the report month last. */
  months: z.array(MonthSchema).length(TREND_MONTHS),
  /** Per indicator, one value per month of `months` (yuan or a count), null where not computable. */
  values: z.strictObject(Object.fromEntries(INDICATOR_IDS.map((id) => [id, TrendValuesSchema])) as Record<IndicatorId, typeof TrendValuesSchema>),
  /** Per indicator and month, why the value is null (null where there is a value). */
  null_reasons: z.strictObject(Object.fromEntries(INDICATOR_IDS.map((id) => [id, TrendReasonsSchema])) as Record<IndicatorId, typeof TrendReasonsSchema>),
}).superRefine((trend, context) => {
  for (const id of INDICATOR_IDS) {
    trend.values[id].forEach((value, index) => {
      if ((value === null) !== (trend.null_reasons[id][index] !== null)) {
        context.addIssue({ code: 'custom', path: ['null_reasons', id, index], message: `${trend.months[index]}: a null value needs a reason, and only a null value has one` });
      }
    });
  }
});

export type MonthlyTrend = z.infer<typeof MonthlyTrendSchema>;

export interface MonthlyTrendInput {
  readonly cityCode: string;
  readonly programmeStartYear: number;
  readonly period: string;
  readonly series: Readonly<Partial<Record<IndicatorId, readonly MonthlyValue[]>>>;
  readonly coverage: CoverageByDataset;
}

/** The first month the trend of a report for `period` shows (report queries must read from it). */
export function trendStart(period: string): string {
  return addMonths(period, -(TREND_MONTHS - 1));
}

export function monthlyTrend(input: MonthlyTrendInput): MonthlyTrend {
  const first = trendStart(input.period);
  const months = Array.from({ length: TREND_MONTHS }, (_, offset) => addMonths(first, offset));
  const values = {} as Record<IndicatorId, (number | null)[]>;
  const reasons = {} as Record<IndicatorId, (NullReason | null)[]>;
  for (const id of INDICATOR_IDS) {
    const indicator = INDICATORS[id];
    const what = `city ${input.cityCode} indicator ${id} monthly trend`;
    const series = MonthlySeries.from(input.series[id] ?? [], what);
    const coverage = jointCoverage(indicator.governingDatasets, input.coverage);
    const countingStart = indicator.kind === 'cumulative' ? monthIndex(firstMonthOfYear(input.programmeStartYear)) : -Infinity;
    const reasonOf = (month: string): NullReason | null => {
      if (indicator.cadence === 'annual') return 'not_applicable';
      if (monthIndex(month) < countingStart) return 'before_programme_start';
      return coverageGap(coverage, month, month);
    };
    reasons[id] = months.map(reasonOf);
    values[id] = months.map((month, index) => {
      if (reasons[id][index] !== null) return null;
      const cents = series.sum(month, month);
      return indicator.unit === 'cny' ? centsToYuan(cents) : centsToCount(cents, `${what} ${month}`);
    });
  }
  return { months, values, null_reasons: reasons };
}
