/**
 * A 24-month trend chart: one bar per month from report.json's monthly_trend, the report month
 * highlighted. A month that is not covered is a gap, not a zero bar.
 */
import type { IndicatorUnit } from '../indicators.ts';
import { trimmedNumber } from '../format/grouped-number.ts';
import { amountIn, moneyScale } from '../format/money.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import { monthNumberOf, yearOf } from '../period.ts';
import { renderChartSvg } from './chart-svg.ts';
import { COLORS, TREND_CHART_SIZE } from './chart-style.ts';

export interface TrendChartInput {
  readonly chartId: string;
  readonly title: string;
  readonly unit: IndicatorUnit;
  readonly months: readonly string[];
  readonly values: readonly (number | null)[];
  readonly language: ReportLanguage;
  /** Unit label for counts (次, 件 …), shown in the title; money picks 万元/亿元 from the largest value. */
  readonly countUnit: string;
}

const SHORT_MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "7月" under the month, and the year under the first month and every January. */
function monthAxisLabel(month: string, index: number, language: ReportLanguage): string {
  const number = monthNumberOf(month);
  const name = language === 'zh' ? `${number}月` : SHORT_MONTHS_EN[number - 1]!;
  return index === 0 || number === 1 ? `${name}\n${yearOf(month)}` : name;
}

export function renderTrendChart(input: TrendChartInput): string {
  const largest = Math.max(0, ...input.values.map((value) => Math.abs(value ?? 0)));
  const scale = input.unit === 'cny' ? moneyScale(largest, input.language) : { divisor: 1, unit: input.countUnit };
  const decimals = input.unit === 'cny' && scale.divisor > 1 ? 2 : 0;
  const last = input.values.length - 1;
  const lastValue = input.values[last] ?? null;
  const data = input.values.map((value, index) =>
    value === null
      ? null
      : { value: value / scale.divisor, itemStyle: { color: index === last ? COLORS.accent : index >= last - 11 ? COLORS.primary : COLORS.primaryLight } },
  );
  return renderChartSvg(
    input.chartId,
    {
      title: { text: `${input.title}${input.language === 'zh' ? `（${scale.unit}）` : ` (${scale.unit})`}`, left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 'bold', color: COLORS.ink } },
      grid: { left: 64, right: 12, top: 36, bottom: 44 },
      xAxis: {
        type: 'category',
        data: input.months.map((month, index) => monthAxisLabel(month, index, input.language)),
        axisTick: { alignWithLabel: true },
        axisLabel: { interval: 0, fontSize: 10, color: COLORS.muted, lineHeight: 13 },
        axisLine: { lineStyle: { color: COLORS.muted } },
      },
      yAxis: {
        type: 'value',
        axisLabel: { fontSize: 10, color: COLORS.muted, formatter: (value: number) => trimmedNumber(value, 2) },
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
            fontSize: 9,
            color: COLORS.ink,
            // Only the report month carries its value, so 24 labels do not crowd the bars. It is
            // printed from the report's figure, exactly, not from the bar's value ÷ divisor.
            formatter: (params: { dataIndex: number }) => (params.dataIndex === last && lastValue !== null ? amountIn(lastValue, scale, decimals) : ''),
          },
        },
      ],
    },
    TREND_CHART_SIZE,
  );
}
