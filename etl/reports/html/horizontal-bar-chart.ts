/**
 * Horizontal bars, one row per label and one bar per series: GI products, category mixes. The
 * title is not drawn: it is the figure's caption (chart-figure.ts), text that wraps with the page.
 */
import { CHART_LAYOUTS, type ChartLayoutName } from './chart-layout.ts';
import { renderChartSvg } from './chart-svg.ts';
import { COLORS } from './chart-style.ts';

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
  readonly axisName: string;
  readonly labels: readonly string[];
  readonly series: readonly BarSeries[];
  /** Tick labels of the value axis (round numbers ECharts picks, in the axis unit). */
  readonly formatTick: (value: number) => string;
}

export function renderHorizontalBarChart(input: HorizontalBarChartInput, layoutName: ChartLayoutName): string {
  const layout = CHART_LAYOUTS[layoutName];
  const { fontSize } = layout;
  const hasLegend = input.series.length > 1;
  const rowHeight = layout.barRowHeight * Math.max(1, input.series.length * 0.75);
  const top = hasLegend ? fontSize + 16 : 8;
  const bottom = fontSize + 16;
  const height = Math.round(top + bottom + rowHeight * Math.max(1, input.labels.length));
  return renderChartSvg(
    `${input.chartId}${layoutName === 'wide' ? '' : `-${layoutName}`}`,
    {
      legend: hasLegend ? { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize, color: COLORS.muted } } : undefined,
      // right: room for the value printed after the longest bar.
      // left: ECharts measures text without the font, so a wrapped label may draw a little wider than measured.
      grid: { left: 12, right: layoutName === 'wide' ? 72 : 64, top, bottom, containLabel: true },
      xAxis: {
        type: 'value',
        name: input.axisName,
        nameLocation: 'end',
        nameTextStyle: { color: COLORS.muted, fontSize },
        splitNumber: layoutName === 'wide' ? 5 : 3,
        axisLabel: { fontSize, color: COLORS.muted, formatter: (value: number) => input.formatTick(value) },
        splitLine: { lineStyle: { color: COLORS.grid } },
      },
      yAxis: {
        type: 'category',
        // ECharts draws the first category at the bottom; reversed so the page order reads top-down.
        inverse: true,
        data: [...input.labels],
        axisLabel: { fontSize, color: COLORS.ink, width: layout.barLabelWidth, overflow: 'break', lineHeight: fontSize + 3 },
        axisLine: { lineStyle: { color: COLORS.muted } },
      },
      series: input.series.map((series) => ({
        type: 'bar',
        name: series.name,
        data: series.values.map((value, index) => (value === null || series.itemColors?.[index] === undefined ? value : { value, itemStyle: { color: series.itemColors[index] } })),
        itemStyle: { color: series.color },
        barMaxWidth: 16,
        label: { show: true, position: 'right', fontSize, color: COLORS.ink, formatter: (params: { dataIndex: number }) => series.texts[params.dataIndex] ?? '' },
      })),
    },
    { width: layout.width, height },
  );
}
