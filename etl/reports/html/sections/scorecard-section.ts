/** Every indicator in one table: month, YTD, YoY, CAGR, cumulative, target, a status mark and the rank among the configured cities. */
import { formatIndicatorValue } from '../../format/indicator-value.ts';
import { formatCount } from '../../format/count.ts';
import { formatGrowth, formatTrimmedPercent } from '../../format/percent.ts';
import type { ReportLanguage } from '../../format/report-language.ts';
import { INDICATORS, INDICATOR_IDS, type IndicatorUnit } from '../../indicators.ts';
import type { Report } from '../../report-schema.ts';
import { escapeHtml } from '../html-escape.ts';
import { tableHead } from '../table-head.ts';
import type { ReportLabels } from '../report-labels.ts';
import type { RenderContext } from './render-context.ts';

type Target = Report['indicators']['pledge_amount_cny']['target'];

export function targetText(target: Target, unit: IndicatorUnit, language: ReportLanguage, labels: ReportLabels): string {
  if (target.kind === 'growth') return target.value === 0 ? labels.scorecard.anyGrowth : labels.scorecard.growthTarget(formatTrimmedPercent(target.value, 2));
  return labels.scorecard.levelTarget(formatIndicatorValue(target.value, unit, language));
}

export function scorecardSection({ report, language, labels, notes }: RenderContext): string {
  const s = labels.scorecard;
  const rows = INDICATOR_IDS.map((id) => {
    const figures = report.indicators[id];
    const reasons = figures.null_reasons;
    const unit = INDICATORS[id].unit;
    const value = (number: number | null, field: 'month' | 'ytd' | 'cumulative') =>
      number === null ? notes.missing(reasons[field]) : escapeHtml(formatIndicatorValue(number, unit, language));
    const growth = (ratio: number | null, field: 'yoy_growth' | 'cagr_since_base') => (ratio === null ? notes.missing(reasons[field]) : escapeHtml(formatGrowth(ratio)));
    const rank = report.peer_ranks.by_indicator[id];
    const rankCell = rank.rank === null ? notes.missing(rank.null_reason) : escapeHtml(s.rankOf(rank.rank, rank.of));
    const status = figures.status === 'no_data' && reasons.status !== undefined ? labels.statusNotJudged(reasons.status) : labels.status[figures.status];
    return `<tr>
<th scope="row">${escapeHtml(labels.indicatorName(id))}</th>
<td class="num">${value(figures.month, 'month')}</td>
<td class="num">${value(figures.ytd, 'ytd')}</td>
<td class="num">${growth(figures.yoy_growth, 'yoy_growth')}</td>
<td class="num">${growth(figures.cagr_since_base, 'cagr_since_base')}</td>
<td class="num">${value(figures.cumulative, 'cumulative')}</td>
<td class="target">${escapeHtml(targetText(figures.target, unit, language, labels))}</td>
<td><span class="mark mark-${figures.status}">${escapeHtml(status)}</span>${figures.status === 'no_data' ? notes.marker(reasons.status) : ''}</td>
<td class="num rank">${rankCell}</td>
</tr>`;
  });
  return `<section class="scorecard">
<h2>${escapeHtml(labels.sections.scorecard)}</h2>
<table>
${tableHead([{ text: s.indicator }, { text: s.month, numeric: true }, { text: s.ytd, numeric: true }, { text: s.yoy, numeric: true }, { text: s.cagr, numeric: true }, { text: s.cumulative, numeric: true }, { text: s.target }, { text: s.status }, { text: s.rank, numeric: true }])}
<tbody>
${rows.join('\n')}
</tbody>
</table>
${transferBreakdownNote({ report, language, labels })}
<p class="note">${escapeHtml(s.rankNote(report.peer_ranks.cities, report.peer_ranks.missing))}</p>
<p class="note">${escapeHtml(labels.missingNote)}</p>
</section>`;
}

/** The transfer breakdown extension (local / inflow / outflow) in one sentence, when it exists. */
function transferBreakdownNote({ report, language }: Pick<RenderContext, 'report' | 'language' | 'labels'>): string {
  const ytd = report.indicators.ip_transfer_licence_count.breakdown.ytd;
  if (ytd === null) return '';
  const text =
    language === 'zh'
      ? `本年累计转让、许可中：本地之间 ${formatCount(ytd.local)} 次，外地流入 ${formatCount(ytd.inflow)} 次，流向外地 ${formatCount(ytd.outflow)} 次。`
      : `Transfers and licences this year: ${formatCount(ytd.local)} within the city, ${formatCount(ytd.inflow)} in from elsewhere, ${formatCount(ytd.outflow)} out.`;
  return `<p class="note">${escapeHtml(text)}</p>`;
}
