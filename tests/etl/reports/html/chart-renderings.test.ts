import { describe, expect, it } from 'vitest';
import { CHART_LAYOUTS, WIDE_CHART_MIN_COLUMN_PX } from '../../../../etl/reports/html/chart-layout.ts';
import { COLORS } from '../../../../etl/reports/html/chart-style.ts';
import { renderHorizontalBarChart } from '../../../../etl/reports/html/horizontal-bar-chart.ts';
import { renderTrendChart, trendAxisLabels } from '../../../../etl/reports/html/trend-chart.ts';
import { trendScale } from '../../../../etl/reports/html/trend-scale.ts';
import { addMonths } from '../../../../etl/reports/period.ts';

const months = Array.from({ length: 24 }, (_, index) => addMonths('2023-07', index));
const values = months.map((_, index) => (index < 6 ? null : index * 1_000_000.25));
const trend = { chartId: 'trend-test', scale: trendScale('cny', 'zh', '次'), months, values, language: 'zh' as const };
const bars = {
  chartId: 'bars-test',
  axisName: '%',
  labels: ['信息通信技术制造业', '研发、设计和技术服务业', '环保产业'],
  series: [
    { name: '本市', color: COLORS.primary, values: [40, 10, 0], texts: ['40.0%', '10.0%', '0.0%'] },
    { name: '全国 2023', color: COLORS.national, values: [19, 8.1, 2.3], texts: ['19.0%', '8.1%', '2.3%'] },
  ],
  formatTick: (value: number) => `${value}%`,
};

/** The SVG's width and every drawn text's font size and colour. */
function svgText(svg: string) {
  const width = Number(/^<svg width="(\d+)"/.exec(svg)?.[1]);
  const texts = [...svg.matchAll(/<text [^>]*style="font-size:([\d.]+)px;[^"]*"[^>]*fill="(#[0-9a-f]{6})"[^>]*>([^<]*)<\/text>/g)].map(([, size, fill, text]) => ({ size: Number(size), fill, text }));
  return { width, texts };
}

/** WCAG 2 contrast of a #rrggbb colour on white. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

describe.each([
  ['trend', (layout: 'wide' | 'narrow') => renderTrendChart(trend, layout)],
  ['horizontal bars', (layout: 'wide' | 'narrow') => renderHorizontalBarChart(bars, layout)],
] as const)('the %s chart', (_name, render) => {
  it('is 320 px wide in the narrow layout, every text at 12 px or more, in the ink or muted colour (≥ 4.5:1 on white)', () => {
    const { width, texts } = svgText(render('narrow'));
    expect(width).toBe(320);
    expect(texts.length).toBeGreaterThan(5);
    expect(Math.min(...texts.map((text) => text.size))).toBeGreaterThanOrEqual(12);
    expect(new Set(texts.map((text) => text.fill))).toEqual(new Set([COLORS.ink, COLORS.muted]));
    for (const color of [COLORS.ink, COLORS.muted]) expect(contrastOnWhite(color), color).toBeGreaterThanOrEqual(4.5);
  });

  it('is 720 px wide in the wide layout, its text still 11 px or more when drawn in the narrowest column that shows it', () => {
    const { width, texts } = svgText(render('wide'));
    expect(width).toBe(720);
    expect(Math.min(...texts.map((text) => text.size)) * (WIDE_CHART_MIN_COLUMN_PX / width)).toBeGreaterThanOrEqual(11);
  });

  it('gives the two renderings distinct ids and draws the same bytes every time', () => {
    const ids = (svg: string) => new Set([...svg.matchAll(/\b(?:id|class)="([^"]+)"/g)].map((match) => match[1]));
    const wide = ids(render('wide'));
    expect([...ids(render('narrow'))].filter((id) => wide.has(id))).toEqual([]);
    expect(render('narrow')).toBe(render('narrow'));
  });
});

describe('the narrow trend chart', () => {
  it('labels every third month, counted back from the report month, with the year under the first label of each year', () => {
    const labels = trendAxisLabels(months, CHART_LAYOUTS.narrow.trendLabelEvery, 'zh');
    expect(labels.filter((label) => label !== '')).toEqual(['9月\n2023', '12月', '3月\n2024', '6月', '9月', '12月', '3月\n2025', '6月']);
    expect(labels[23]).toBe('6月');
    expect(trendAxisLabels(months, 1, 'en').slice(5, 8)).toEqual(['Dec', 'Jan\n2024', 'Feb']);
  });

  it('prints the report month from its exact figure: 10,050 元 is 1.005 万元 → 1.01 (10050 / 10000 as a double is 1.00499…)', () => {
    const svg = renderTrendChart({ ...trend, values: [...values.slice(0, 23), 10_050] }, 'narrow');
    expect(svg).toContain('>1.01<');
  });
});
