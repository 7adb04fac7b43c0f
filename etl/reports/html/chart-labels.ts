/**
 * The charts' wording (ReportLabels.charts): captions, text alternatives and data tables. The
 * sentences take facts already worked out and formatted (chart-description.ts), so a language
 * only words them.
 */

/** What a 24-month trend's text alternative states; every figure is formatted with its unit. */
export interface TrendDescriptionFacts {
  /** The indicator as the caption names it, without the unit. */
  readonly title: string;
  readonly unit: string;
  /** First and last month of the trend, as month names. */
  readonly from: string;
  readonly to: string;
  readonly reportMonth: { readonly name: string; readonly value: string | null; readonly reason: string | null };
  /** The sum of the last 12 months; null when one of them has no figure. */
  readonly last12Total: string | null;
  /** The highest month(s) and their figure; null when no month has a figure above 0. */
  readonly highest: { readonly months: readonly string[]; readonly value: string } | null;
  /** Some month has a figure and every figure is 0. */
  readonly allZero: boolean;
  /** Runs of consecutive months without a figure for the same reason, oldest first. */
  readonly gaps: readonly { readonly from: string; readonly to: string; readonly reason: string }[];
}

/** What a bar chart's text alternative states, per series: the highest bar(s) and their printed figure. */
export interface BarDescriptionFacts {
  readonly title: string;
  readonly categoryCount: number;
  readonly series: readonly {
    readonly name: string;
    /** null: no bar of the series has a figure above 0. */
    readonly highest: { readonly labels: readonly string[]; readonly value: string } | null;
    readonly allZero: boolean;
  }[];
}

export interface ChartLabels {
  /** The caption: the chart's title and its unit. */
  readonly titleWithUnit: (title: string, unit: string) => string;
  /** A figure with its unit, as a sentence prints it (money: "1.23 亿元" / "CNY m 1.23"; counts: "1,234 次" / "1,234"). */
  readonly amount: (amount: string, unit: string, kind: 'cny' | 'count') => string;
  readonly trendDescription: (facts: TrendDescriptionFacts) => string;
  readonly barDescription: (facts: BarDescriptionFacts) => string;
  /** Before the link to the section's table that holds a bar chart's data. */
  readonly dataInTable: string;
  /** The summary of the closed `<details>` that holds a trend's data table. */
  readonly showData: string;
  readonly trendTableCaption: (titleWithUnit: string, from: string, to: string) => string;
  readonly month: string;
  readonly value: (unit: string) => string;
  readonly note: string;
  readonly reportMonth: string;
  readonly giTableCaption: (year: number) => string;
  readonly patentIntensiveTableCaption: string;
}
