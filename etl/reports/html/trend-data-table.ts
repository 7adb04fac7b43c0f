/**
 * The data behind a trend chart: a table of its months in a closed `<details>`, each value in the
 * chart's unit from the report's exact figure, "—" with its reason for a month without one.
 */
import { MISSING_VALUE } from '../format/missing-value.ts';
import { formatMonthName } from '../format/month-name.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import type { TrendSeries } from './chart-description.ts';
import { escapeHtml } from './html-escape.ts';
import type { ReportLabels } from './report-labels.ts';
import { tableHead } from './table-head.ts';
import { trendAmount, type TrendScale } from './trend-scale.ts';

export interface TrendDataTableInput {
  readonly captionTitle: string;
  readonly series: TrendSeries;
  readonly scale: TrendScale;
  readonly language: ReportLanguage;
  readonly labels: Pick<ReportLabels, 'charts' | 'nullReasons'>;
}

export function trendDataTable({ captionTitle, series, scale, language, labels }: TrendDataTableInput): string {
  const c = labels.charts;
  const last = series.months.length - 1;
  const rows = series.months.map((month, index) => {
    const value = series.values[index] ?? null;
    const reason = series.reasons[index] ?? null;
    const note = value === null ? (reason === null ? '' : labels.nullReasons[reason]) : index === last ? c.reportMonth : '';
    return `<tr><th scope="row">${escapeHtml(formatMonthName(month, language))}</th><td class="num">${escapeHtml(value === null ? MISSING_VALUE : trendAmount(value, scale))}</td><td>${escapeHtml(note)}</td></tr>`;
  });
  const caption = c.trendTableCaption(captionTitle, formatMonthName(series.months[0]!, language), formatMonthName(series.months[last]!, language));
  return `<details class="chart-data"><summary>${escapeHtml(c.showData)}</summary>
<table>
<caption>${escapeHtml(caption)}</caption>
${tableHead([{ text: c.month }, { text: c.value(scale.unit), numeric: true }, { text: c.note }])}
<tbody>
${rows.join('\n')}
</tbody>
</table>
</details>`;
}
