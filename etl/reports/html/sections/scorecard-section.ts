/**
 * Every indicator in one table: its unit (one per row: 万元 for money, what a count counts), month
 * and its year-on-year growth, YTD and its growth, CAGR, cumulative, target, completion against the
 * target to date, the status with the one line it was judged on, and the rank among the configured
 * cities.
 */
import { displayAmount, indicatorDisplayUnit } from '../../format/display-unit.ts';
import { formatCount } from '../../format/count.ts';
import { trimmedNumber } from '../../format/grouped-number.ts';
import { formatGrowth, formatPercent, formatTrimmedPercent } from '../../format/percent.ts';
import type { ReportLanguage } from '../../format/report-language.ts';
import { INDICATOR_IDS, type IndicatorId, type IndicatorUnit } from '../../indicators.ts';
import type { Report } from '../../report-schema.ts';
import type { SelfEvaluationRow } from '../../self-evaluation-schema.ts';
import { escapeHtml } from '../html-escape.ts';
import { tableHead } from '../table-head.ts';
import type { ReportLabels } from '../report-labels.ts';
import { statusReason } from '../status-reason.ts';
import type { NullReasonNotes } from '../null-reason-notes.ts';
import type { RenderContext } from './render-context.ts';

type Target = Report['indicators']['pledge_amount_cny']['target'];

/** A target in words, its level in the row's display unit (the unit column names it). */
export function targetText(target: Target, unit: IndicatorUnit, language: ReportLanguage, labels: ReportLabels): string {
  if (target.kind === 'growth') return target.value === 0 ? labels.scorecard.anyGrowth : labels.scorecard.growthTarget(formatTrimmedPercent(target.value, 2));
  return labels.scorecard.levelTarget(unit === 'cny' ? displayAmount(target.value, unit, language) : trimmedNumber(target.value, 2));
}

/** The self-evaluation row of an indicator: its target to date and completion rate. */
export function selfEvaluationRowOf(report: Report, id: IndicatorId): SelfEvaluationRow | undefined {
  return report.self_evaluation.rows.find((row) => row.indicator === id);
}

/** "92.3%" over "序时目标 2.5"; "—" with its footnote when the rate cannot be computed. */
function completionCell(row: SelfEvaluationRow | undefined, unit: IndicatorUnit, language: ReportLanguage, labels: ReportLabels, notes: NullReasonNotes): string {
  if (row === undefined) return notes.missing('not_applicable');
  const rate = row.completion_rate === null ? notes.missing(row.null_reasons.completion_rate) : escapeHtml(formatPercent(row.completion_rate, 1));
  if (row.target_to_date === null) return rate;
  const toDate = unit === 'cny' ? displayAmount(row.target_to_date, unit, language) : trimmedNumber(row.target_to_date, 2);
  return `${rate}<div class="sub">${escapeHtml(labels.scorecard.targetToDate(toDate))}</div>`;
}

export function scorecardSection({ report, language, labels, notes }: RenderContext): string {
  const s = labels.scorecard;
  const rows = INDICATOR_IDS.map((id) => {
    const figures = report.indicators[id];
    const reasons = figures.null_reasons;
    const unit = figures.unit;
    const value = (number: number | null, field: 'month' | 'ytd' | 'cumulative') => (number === null ? notes.missing(reasons[field]) : escapeHtml(displayAmount(number, unit, language)));
    const growth = (ratio: number | null, field: 'month_yoy_growth' | 'yoy_growth' | 'cagr_since_base') => (ratio === null ? notes.missing(reasons[field]) : escapeHtml(formatGrowth(ratio)));
    const rank = report.peer_ranks.by_indicator[id];
    const rankCell = rank.rank === null ? notes.missing(rank.null_reason) : escapeHtml(s.rankOf(rank.rank, rank.of));
    const status = figures.status === 'no_data' && reasons.status !== undefined ? labels.statusNotJudged(reasons.status) : labels.status[figures.status];
    const row = selfEvaluationRowOf(report, id);
    return `<tr>
<th scope="row">${escapeHtml(labels.indicatorName(id))}</th>
<td class="unit">${escapeHtml(indicatorDisplayUnit(id, language))}</td>
<td class="num">${value(figures.month, 'month')}</td>
<td class="num">${growth(figures.month_yoy_growth, 'month_yoy_growth')}</td>
<td class="num">${value(figures.ytd, 'ytd')}</td>
<td class="num">${growth(figures.yoy_growth, 'yoy_growth')}</td>
<td class="num">${growth(figures.cagr_since_base, 'cagr_since_base')}</td>
<td class="num">${value(figures.cumulative, 'cumulative')}</td>
<td class="target">${escapeHtml(targetText(figures.target, unit, language, labels))}</td>
<td class="num completion">${completionCell(row, unit, language, labels, notes)}</td>
<td class="status"><span class="mark mark-${figures.status}">${escapeHtml(status)}</span>${figures.status === 'no_data' ? notes.marker(reasons.status) : ''}<div class="status-reason">${escapeHtml(statusReason(id, figures, row, language, labels))}</div></td>
<td class="num rank">${rankCell}</td>
</tr>`;
  });
  return `<section class="scorecard">
<h2>${escapeHtml(labels.sections.scorecard)}</h2>
<div class="table-scroll">
<table class="scorecard-table">
${tableHead([
  { text: s.indicator },
  { text: s.unit },
  { text: s.month, numeric: true },
  { text: s.monthYoy, numeric: true },
  { text: s.ytd, numeric: true },
  { text: s.yoy, numeric: true },
  { text: s.cagr, numeric: true },
  { text: s.cumulative, numeric: true },
  { text: s.target },
  { text: s.completion, numeric: true },
  { text: s.status },
  { text: s.rank, numeric: true },
])}
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
${transferBreakdownNote({ report, language, labels })}
<p class="note">${escapeHtml(s.completionNote)}</p>
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
