/** The four 24-month trend charts, from report.json's monthly_trend. */
import type { IndicatorId } from '../../indicators.ts';
import { INDICATORS } from '../../indicators.ts';
import { escapeHtml } from '../html-escape.ts';
import type { ReportLabels } from '../report-labels.ts';
import { renderTrendChart } from '../trend-chart.ts';
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
  const charts = TREND_CHARTS.map(({ indicator, title }) => {
    const svg = renderTrendChart({
      chartId: `trend-${indicator.replace(/_/g, '-')}`,
      title: title(labels),
      unit: INDICATORS[indicator].unit,
      months: report.monthly_trend.months,
      values: report.monthly_trend.values[indicator],
      language,
      countUnit: language === 'zh' ? '次' : 'count',
    });
    return `<figure class="chart" data-chart="${indicator}">${svg}</figure>`;
  });
  return `<section class="trends">
<h2>${escapeHtml(labels.sections.trends)}</h2>
${charts.join('\n')}
<p class="note">${escapeHtml(labels.trendNote)}</p>
</section>`;
}
