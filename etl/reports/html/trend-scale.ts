/**
 * The unit a trend is shown in — on the chart's axis, in its text alternative and in its data
 * table alike: money in 万元 or 亿元 (CNY m / bn) by the largest month, counts as they are.
 */
import type { IndicatorUnit } from '../indicators.ts';
import { amountIn, moneyScale, type MoneyScale } from '../format/money.ts';
import type { ReportLanguage } from '../format/report-language.ts';

export interface TrendScale extends MoneyScale {
  /** Decimals a value is printed with: money keeps its fen in any unit (2), counts have none. */
  readonly decimals: number;
}

export function trendScale(unit: IndicatorUnit, values: readonly (number | null)[], language: ReportLanguage, countUnit: string): TrendScale {
  if (unit === 'count') return { divisor: 1, unit: countUnit, decimals: 0 };
  // Only picks the unit: the largest magnitude as a double is exact enough to compare with 10^4 / 10^8.
  const largest = Math.max(0, ...values.map((value) => Math.abs(value ?? 0)));
  return { ...moneyScale(largest, language), decimals: 2 };
}

/** A month's exact figure (yuan or a count, or decimal text) in the trend's unit, rounded once. */
export function trendAmount(value: number | string, scale: TrendScale): string {
  return amountIn(value, scale, scale.decimals);
}
