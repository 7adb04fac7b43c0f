/** The four 24-month trend charts, from report.json's monthly_trend. */
import type { IndicatorId } from '../../indicators.ts';
import { INDICATORS } from '../../indicators.ts';
import { describeTrend, type TrendSeries } from '../chart-description.ts';
import { chartFigure } from '../chart-figure.ts';
import { escapeHtml } from '../html-escape.ts';
import type { ReportLabels } from '../report-labels.ts';
import { renderTrendChart } from '../trend-chart.ts';
import { trendDataTable } from '../trend-data-table.ts';
import { trendScale } from '../trend-scale.ts';
import { indicatorDisplayUnit } from '../../format/display-unit.ts';
import type { RenderContext } from './render-context.ts';

interface TrendChartSpec {
  readonly indicator: IndicatorId;
  readonly title: (labels: ReportLabels) => string;
}

export const TREND_CHARTS: readonly TrendChartSpec[] = [
  { indicator: 'ip_transfer_licence_count', title: (labels) => labels.trendTitles.transfers },
  { indicator: 'pledge_amount_cny', title: (labels) => labels.trendTitles.pledges },
  { indicator: 'patent_contract_turnover_cny', title: (labels) => labels.trendTitles.contracts },
  { indicator: 'gi_output_value_cny', title: (labels) => labels.trendTitles.giOutput },
];

export function trendsSection({ report, language, labels }: RenderContext): string {
  const trend = report.monthly_trend;
  const charts = TREND_CHARTS.map(({ indicator, title }) => {
    const kind = INDICATORS[indicator].unit;
    const series: TrendSeries = { months: trend.months, values: trend.values[indicator], reasons: trend.null_reasons[indicator] };
    const scale = trendScale(kind, language, indicatorDisplayUnit(indicator, language));
    const chartId = `trend-${indicator.replace(/_/g, '-')}`;
    const caption = labels.charts.titleWithUnit(title(labels), scale.unit);
    return chartFigure({
      name: indicator,
      chartId,
      caption,
      render: (layout) => renderTrendChart({ chartId, scale, months: series.months, values: series.values, language }, layout),
      description: describeTrend({ title: title(labels), kind, series, scale, language, labels }),
      data: trendDataTable({ captionTitle: caption, series, scale, language, labels }),
    });
  });
  return `<section class="trends">
<h2>${escapeHtml(labels.sections.trends)}</h2>
${charts.join('\n')}
<p class="note">${escapeHtml(labels.trendNote)}</p>
</section>`;
}
