/**
 * Every chart is drawn twice: `wide` for desktop screens and print, `narrow` for phones
 * (chart-css.ts shows one of them by the width of the chart's column). Sizes are SVG units, which
 * are CSS pixels when the chart is drawn at its own width; the page scales the SVG to its column,
 * so a size is only as readable as the scale chart-css.ts allows it to be drawn at.
 */
export type ChartLayoutName = 'wide' | 'narrow';

export interface ChartLayout {
  readonly name: ChartLayoutName;
  readonly width: number;
  /** Every text drawn in the chart (axis labels, values, legend); the title is the figure's caption, in HTML. */
  readonly fontSize: number;
  readonly trendHeight: number;
  /** A month label on every n-th month, counted back from the report month (which always has one). */
  readonly trendLabelEvery: number;
  /** Height of one category row of a horizontal bar chart with one series (more series: taller). */
  readonly barRowHeight: number;
  /** Category labels of a horizontal bar chart wrap at this width (ECharts `overflow: 'break'`). */
  readonly barLabelWidth: number;
}

export const CHART_LAYOUTS: Readonly<Record<ChartLayoutName, ChartLayout>> = {
  wide: { name: 'wide', width: 720, fontSize: 12, trendHeight: 230, trendLabelEvery: 1, barRowHeight: 34, barLabelWidth: 220 },
  narrow: { name: 'narrow', width: 320, fontSize: 12, trendHeight: 240, trendLabelEvery: 3, barRowHeight: 44, barLabelWidth: 84 },
};

/**
 * The wide rendering is shown while its column is at least this wide: drawn at 660 / 720 of its
 * size or more, its 12 px text is at least 11 CSS px. Below, the narrow one is shown.
 */
export const WIDE_CHART_MIN_COLUMN_PX = 660;

/** The narrow rendering grows with its column up to this scale, so a tablet does not get 20 px axis labels. */
export const NARROW_CHART_MAX_SCALE = 1.5;
/** The wide rendering grows with a wide page up to this scale (text 12 px drawn at most 16 px). */
export const WIDE_CHART_MAX_SCALE = 4 / 3;
