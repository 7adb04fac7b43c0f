/**
 * Four tiles with the year-to-date figures people ask about first: the figure in its unit, its
 * year-on-year growth, and the indicator's status in words with the line it was judged on. The
 * tile's colour is the status's (the same as its mark), never the sign of the growth: a tile that
 * is green for 已达标 says, in words, that this year fell.
 */
import { displayAmount, indicatorDisplayUnit } from '../../format/display-unit.ts';
import { formatGrowth } from '../../format/percent.ts';
import type { IndicatorId } from '../../indicators.ts';
import { escapeHtml } from '../html-escape.ts';
import { statusReason } from '../status-reason.ts';
import type { RenderContext } from './render-context.ts';
import { selfEvaluationRowOf } from './scorecard-section.ts';

export const HEADLINE_INDICATORS: readonly IndicatorId[] = [
  'ip_transfer_licence_count',
  'pledge_amount_cny',
  'patent_contract_turnover_cny',
  'gi_output_value_cny',
];

export function headlineTiles({ report, language, labels, notes }: RenderContext): string {
  const tiles = HEADLINE_INDICATORS.map((id) => {
    const figures = report.indicators[id];
    const reasons = figures.null_reasons;
    const status = figures.status === 'no_data' && reasons.status !== undefined ? labels.statusNotJudged(reasons.status) : labels.status[figures.status];
    const value = figures.ytd === null ? notes.missing(reasons.ytd) : `${escapeHtml(displayAmount(figures.ytd, figures.unit, language))}<span class="tile-unit">${escapeHtml(indicatorDisplayUnit(id, language))}</span>`;
    const growth = figures.yoy_growth === null ? notes.missing(reasons.yoy_growth) : escapeHtml(formatGrowth(figures.yoy_growth));
    return `<div class="tile status-${figures.status}" data-indicator="${id}">
<div class="tile-name">${escapeHtml(labels.indicatorName(id))}</div>
<div class="tile-value">${value}</div>
<div class="tile-growth">${escapeHtml(labels.scorecard.ytd)} · ${escapeHtml(labels.scorecard.yoy)} ${growth}</div>
<div class="tile-status"><span class="mark mark-${figures.status}">${escapeHtml(status)}</span></div>
<div class="status-reason">${escapeHtml(statusReason(id, figures, selfEvaluationRowOf(report, id), language, labels))}</div>
</div>`;
  });
  return `<section class="tiles">\n${tiles.join('\n')}\n</section>`;
}
