/** Horizontal bars, one row per label and one bar per series: GI products, category mixes. */
import { renderChartSvg } from './chart-svg.ts';
import { BAR_CHART_ROW_HEIGHT, BAR_CHART_WIDTH, COLORS } from './chart-style.ts';

export interface BarSeries {
  readonly name: string;
  readonly color: string;
  /** One value per label (already in the axis unit); null leaves the bar out. A double: it only sizes the bar. */
  readonly values: readonly (number | null)[];
  /**
   * The text printed at the end of each bar, made by the caller from the report's exact figure
   * (decimal-text.ts): the bar's double, divided or multiplied for the axis, must not be what is printed.
   */
  readonly texts: readonly (string | null)[];
  /** A colour per value, overriding `color` (e.g. products outside the promotion project). */
  readonly itemColors?: readonly string[];
}

export interface HorizontalBarChartInput {
  readonly chartId: string;
  readonly title: string;
  readonly axisName: string;
  readonly labels: readonly string[];
  readonly series: readonly BarSeries[];
  /** Tick labels of the value axis (round numbers ECharts picks, in the axis unit). */
  readonly formatTick: (value: number) => string;
}

export function renderHorizontalBarChart(input: HorizontalBarChartInput): string {
  const rowHeight = BAR_CHART_ROW_HEIGHT * Math.max(1, input.series.length * 0.75);
  const height = Math.round(80 + rowHeight * Math.max(1, input.labels.length));
  return renderChartSvg(
    input.chartId,
    {
      title: { text: input.title, left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 'bold', color: COLORS.ink } },
      legend: input.series.length > 1 ? { top: 0, right: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11, color: COLORS.muted } } : undefined,
      grid: { left: 8, right: 72, top: 40, bottom: 28, containLabel: true },
      xAxis: {
        type: 'value',
        name: input.axisName,
        nameLocation: 'end',
        nameTextStyle: { color: COLORS.muted, fontSize: 11 },
        axisLabel: { fontSize: 10, color: COLORS.muted, formatter: (value: number) => input.formatTick(value) },
        splitLine: { lineStyle: { color: COLORS.grid } },
      },
      yAxis: {
        type: 'category',
        // ECharts draws the first category at the bottom; reversed so the page order reads top-down.
        inverse: true,
        data: [...input.labels],
        axisLabel: { fontSize: 11, color: COLORS.ink },
        axisLine: { lineStyle: { color: COLORS.muted } },
      },
      series: input.series.map((series) => ({
        type: 'bar',
        name: series.name,
        data: series.values.map((value, index) => (value === null || series.itemColors?.[index] === undefined ? value : { value, itemStyle: { color: series.itemColors[index] } })),
        itemStyle: { color: series.color },
        barMaxWidth: 16,
        label: { show: true, position: 'right', fontSize: 10, color: COLORS.ink, formatter: (params: { dataIndex: number }) => series.texts[params.dataIndex] ?? '' },
      })),
    },
    { width: BAR_CHART_WIDTH, height },
  );
}
