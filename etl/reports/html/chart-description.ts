/**
 * The text alternatives of the charts: what a chart shows, stated from the report's exact figures
 * (never from the doubles that only size the bars). The facts are worked out here; the labels of
 * the report's language word them (chart-labels.ts).
 */
import { formatCents, parseCents } from '../exact-decimal.ts';
import { formatMonthName } from '../format/month-name.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import type { IndicatorUnit } from '../indicators.ts';
import type { NullReason } from '../null-reasons.ts';
import type { BarDescriptionFacts, TrendDescriptionFacts } from './chart-labels.ts';
import type { ReportLabels } from './report-labels.ts';
import { trendAmount, type TrendScale } from './trend-scale.ts';

/** One indicator's monthly_trend: months oldest first, the report month last. */
export interface TrendSeries {
  readonly months: readonly string[];
  /** Yuan or a count, at most 2 decimals; null where the month has no figure. */
  readonly values: readonly (number | null)[];
  /** Why a value is null (null where there is a value). */
  readonly reasons: readonly (NullReason | null)[];
}

export interface TrendDescriptionInput {
  readonly title: string;
  readonly kind: IndicatorUnit;
  readonly series: TrendSeries;
  readonly scale: TrendScale;
  readonly language: ReportLanguage;
  readonly labels: Pick<ReportLabels, 'charts' | 'nullReasons'>;
}

/** How many months, ending with the report month, the description sums. */
const TOTAL_MONTHS = 12;

export function trendDescriptionFacts({ title, kind, series, scale, language, labels }: TrendDescriptionInput): TrendDescriptionFacts {
  const { months, values, reasons } = series;
  if (months.length === 0 || values.length !== months.length || reasons.length !== months.length) {
    throw new Error(`a trend needs one value and one reason per month: ${months.length} months, ${values.length} values, ${reasons.length} reasons`);
  }
  const monthName = (month: string) => formatMonthName(month, language);
  const amount = (value: number | string) => labels.charts.amount(trendAmount(value, scale), scale.unit, kind);
  const reasonText = (index: number) => {
    const reason = reasons[index];
    return reason === null || reason === undefined ? '' : labels.nullReasons[reason];
  };
  // Exact arithmetic: each figure as hundredths (bigint), so sums and comparisons never round.
  const cents = values.map((value, index) => (value === null ? null : parseCents(String(value), `${title} ${months[index]}`)));
  const last = months.length - 1;

  const lastTwelve = cents.slice(Math.max(0, months.length - TOTAL_MONTHS));
  const last12Total = lastTwelve.some((value) => value === null) ? null : amount(formatCents(lastTwelve.reduce<bigint>((sum, value) => sum + value!, 0n)));

  const known = cents.filter((value): value is bigint => value !== null);
  const top = known.length === 0 ? null : known.reduce((max, value) => (value > max ? value : max));
  const highest =
    top === null || top <= 0n
      ? null
      : { months: months.filter((_, index) => cents[index] === top).map(monthName), value: amount(values[cents.indexOf(top)]!) };

  const gaps: { from: string; to: string; reason: string }[] = [];
  values.forEach((value, index) => {
    if (value !== null) return;
    const previous = gaps[gaps.length - 1];
    if (previous !== undefined && values[index - 1] === null && reasons[index - 1] === reasons[index]) {
      previous.to = monthName(months[index]!);
    } else {
      gaps.push({ from: monthName(months[index]!), to: monthName(months[index]!), reason: reasonText(index) });
    }
  });

  return {
    title,
    unit: scale.unit,
    from: monthName(months[0]!),
    to: monthName(months[last]!),
    reportMonth: { name: monthName(months[last]!), value: values[last] === null ? null : amount(values[last]!), reason: values[last] === null ? reasonText(last) : null },
    last12Total,
    highest,
    allZero: known.length > 0 && known.every((value) => value === 0n),
    gaps,
  };
}

export function describeTrend(input: TrendDescriptionInput): string {
  return input.labels.charts.trendDescription(trendDescriptionFacts(input));
}

/** One series of a bar chart as its text alternative states it. */
export interface DescribedBarSeries {
  readonly name: string;
  /**
   * The report's figure behind each bar (a share, yuan), compared to find the highest. Report
   * figures are decimals of at most 6 places read as their nearest doubles, so the order of the
   * doubles is the order of the decimals and equal figures are equal doubles.
   */
  readonly values: readonly (number | null)[];
  /** Each figure as the sentence prints it, with its unit, from the exact figure. */
  readonly texts: readonly (string | null)[];
}

export interface BarDescriptionInput {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly DescribedBarSeries[];
  readonly labels: Pick<ReportLabels, 'charts'>;
}

export function barDescriptionFacts({ title, categories, series }: BarDescriptionInput): BarDescriptionFacts {
  return {
    title,
    categoryCount: categories.length,
    series: series.map(({ name, values, texts }) => {
      if (values.length !== categories.length || texts.length !== categories.length) {
        throw new Error(`bar series ${JSON.stringify(name)} has ${values.length} values and ${texts.length} texts for ${categories.length} categories`);
      }
      const known = values.filter((value): value is number => value !== null);
      const top = known.length === 0 ? null : Math.max(...known);
      const highest =
        top === null || top <= 0
          ? null
          : { labels: categories.filter((_, index) => values[index] === top), value: texts[values.indexOf(top)] ?? '' };
      return { name, highest, allZero: known.length > 0 && known.every((value) => value === 0) };
    }),
  };
}

export function describeBars(input: BarDescriptionInput): string {
  return input.labels.charts.barDescription(barDescriptionFacts(input));
}
