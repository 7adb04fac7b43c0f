/**
 * One chart as an inline SVG string, rendered on the server by Apache ECharts' SSR renderer:
 * no script runs in the report. ECharts numbers its element ids and CSS classes from process-wide
 * counters (zr0-cls-0, zr1-c0 …), which would make the same report render to different bytes
 * depending on what was rendered before it; they are renamed from the chart's own id.
 */
import * as echarts from 'echarts';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** The font stack the charts ask for: a CJK font first so Chinese labels never fall back to boxes. */
export const CHART_FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export function renderChartSvg(chartId: string, option: echarts.EChartsCoreOption, size: ChartSize): string {
  if (!/^[a-z][a-z0-9-]*$/.test(chartId)) throw new Error(`chart id ${JSON.stringify(chartId)} must be lower-case letters, digits and dashes`);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option });
    return stableIds(chart.renderToSVGString(), chartId);
  } finally {
    chart.dispose();
  }
}

/** Renames ECharts' counter-based ids and classes (zr<n>-cls-<k>, zr<n>-c<k>) after the chart id, in order of appearance. */
function stableIds(svg: string, chartId: string): string {
  const renamed = new Map<string, string>();
  const counters = { 'cls-': 0, c: 0 };
  return svg.replace(/\bzr\d+-(cls-|c)\d+\b/g, (token: string, kind: 'cls-' | 'c') => {
    let name = renamed.get(token);
    if (name === undefined) {
      name = `${chartId}-${kind}${counters[kind]++}`;
      renamed.set(token, name);
    }
    return name;
  });
}
