/**
 * A 24-month trend chart: one bar per month from report.json's monthly_trend, the report month
 * highlighted. A month that is not covered is a gap, not a zero bar. The title is not drawn: it
 * is the figure's caption (chart-figure.ts), text that wraps with the page.
 */
import { trimmedNumber } from '../format/grouped-number.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import { monthNumberOf, yearOf } from '../period.ts';
import { CHART_LAYOUTS, type ChartLayoutName } from './chart-layout.ts';
import { renderChartSvg } from './chart-svg.ts';
import { COLORS } from './chart-style.ts';
import { trendAmount, type TrendScale } from './trend-scale.ts';

export interface TrendChartInput {
  readonly chartId: string;
  readonly scale: TrendScale;
  readonly months: readonly string[];
  readonly values: readonly (number | null)[];
  readonly language: ReportLanguage;
}

const SHORT_MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The month labels of the axis: "7月", with the year under the first labelled month and under each
 * labelled month of a new year; '' for a month without a label (every n-th month is labelled,
 * counted back from the report month so that it always has one).
 */
export function trendAxisLabels(months: readonly string[], every: number, language: ReportLanguage): string[] {
  const last = months.length - 1;
  let previousYear: number | null = null;
  return months.map((month, index) => {
    if ((last - index) % every !== 0) return '';
    const number = monthNumberOf(month);
    const name = language === 'zh' ? `${number}月` : SHORT_MONTHS_EN[number - 1]!;
    const year = yearOf(month);
    const label = year === previousYear ? name : `${name}\n${year}`;
    previousYear = year;
    return label;
  });
}

export function renderTrendChart(input: TrendChartInput, layoutName: ChartLayoutName): string {
  const layout = CHART_LAYOUTS[layoutName];
  const { fontSize } = layout;
  const last = input.values.length - 1;
  const lastValue = input.values[last] ?? null;
  const labels = trendAxisLabels(input.months, layout.trendLabelEvery, input.language);
  const data = input.values.map((value, index) =>
    value === null
      ? null
      : { value: value / input.scale.divisor, itemStyle: { color: index === last ? COLORS.accent : index >= last - 11 ? COLORS.primary : COLORS.primaryLight } },
  );
  return renderChartSvg(
    `${input.chartId}${layoutName === 'wide' ? '' : `-${layoutName}`}`,
    {
      // right: room for half the report month's value, centred over the last bar.
      grid: { left: 4, right: 32, top: fontSize + 14, bottom: 4, containLabel: true },
      xAxis: {
        type: 'category',
        // One category per month, named by its position: labels repeat ("7月"), category names must not.
        data: input.months.map((month) => month),
        axisTick: { alignWithLabel: true, interval: (index: number) => labels[index] !== '' },
        axisLabel: { interval: (index: number) => labels[index] !== '', formatter: (_month: string, index: number) => labels[index] ?? '', fontSize, color: COLORS.muted, lineHeight: fontSize + 3 },
        axisLine: { lineStyle: { color: COLORS.muted } },
      },
      yAxis: {
        type: 'value',
        splitNumber: layoutName === 'wide' ? 5 : 4,
        axisLabel: { fontSize, color: COLORS.muted, formatter: (value: number) => trimmedNumber(value, 2) },
        splitLine: { lineStyle: { color: COLORS.grid } },
      },
      series: [
        {
          type: 'bar',
          data,
          barCategoryGap: '25%',
          label: {
            show: true,
            position: 'top',
            fontSize,
            color: COLORS.ink,
            // Only the report month carries its value, so 24 labels do not crowd the bars. It is
            // printed from the report's figure, exactly, not from the bar's value ÷ divisor.
            formatter: (params: { dataIndex: number }) => (params.dataIndex === last && lastValue !== null ? trendAmount(lastValue, input.scale) : ''),
          },
        },
      ],
    },
    { width: layout.width, height: layout.trendHeight },
  );
}
