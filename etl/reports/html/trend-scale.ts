/**
 * The unit a trend is shown in — on the chart's axis, in its text alternative and in its data
 * table alike: money in 万元 like every amount of the page (display-unit.ts), counts as they are.
 */
import type { IndicatorUnit } from '../indicators.ts';
import { moneyDisplayScale } from '../format/display-unit.ts';
import { amountIn, type MoneyScale } from '../format/money.ts';
import type { ReportLanguage } from '../format/report-language.ts';

export interface TrendScale extends MoneyScale {
  /** Decimals a value is printed with: money keeps its fen in any unit (2), counts have none. */
  readonly decimals: number;
}

export function trendScale(unit: IndicatorUnit, language: ReportLanguage, countUnit: string): TrendScale {
  if (unit === 'count') return { divisor: 1, unit: countUnit, decimals: 0 };
  return { ...moneyDisplayScale(language), decimals: 2 };
}

/** A month's exact figure (yuan or a count, or decimal text) in the trend's unit, rounded once. */
export function trendAmount(value: number | string, scale: TrendScale): string {
  return amountIn(value, scale, scale.decimals);
}
