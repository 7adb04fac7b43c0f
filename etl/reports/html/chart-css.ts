/**
 * The charts' stylesheet, appended to the page's (html-document.ts): which of a chart's two
 * renderings is shown, by the width of the chart's own column (a CSS container query, so the
 * choice follows the page's padding and columns, not a guess at them from the viewport), and the
 * caption, text alternative and data table around it. Print always uses the wide rendering.
 */
import { CHART_LAYOUTS, NARROW_CHART_MAX_SCALE, WIDE_CHART_MAX_SCALE, WIDE_CHART_MIN_COLUMN_PX } from './chart-layout.ts';
import { COLORS } from './chart-style.ts';

export const CHART_CSS = `
figure.chart{container:chart/inline-size}
figure.chart figcaption{font-size:14px;font-weight:600;color:${COLORS.ink};margin:0 0 4px;line-height:1.4}
figure.chart .chart-narrow{display:none}
figure.chart .chart-wide svg{max-width:${CHART_LAYOUTS.wide.width * WIDE_CHART_MAX_SCALE}px}
figure.chart .chart-narrow svg{max-width:${CHART_LAYOUTS.narrow.width * NARROW_CHART_MAX_SCALE}px}
@container chart (max-width:${WIDE_CHART_MIN_COLUMN_PX - 0.02}px){
  figure.chart .chart-wide{display:none}
  figure.chart .chart-narrow{display:block}
}
figure.chart .chart-description{font-size:12px;color:${COLORS.muted};margin:4px 0}
figure.chart details.chart-data{font-size:12px;margin:2px 0}
figure.chart details.chart-data summary{cursor:pointer;color:${COLORS.primary}}
figure.chart details.chart-data table{width:auto;min-width:60%}
figure.chart details.chart-data caption{text-align:left;color:${COLORS.muted};padding:2px 0}
@media print{
  figure.chart .chart-wide{display:block !important}
  figure.chart .chart-narrow{display:none !important}
  figure.chart details.chart-data{display:none}
}
`.trim();
