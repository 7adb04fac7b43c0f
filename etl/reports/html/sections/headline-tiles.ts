/** Four tiles with the year-to-date figures people ask about first, and their growth. */
import { formatIndicatorValue } from '../../format/indicator-value.ts';
import { formatGrowth } from '../../format/percent.ts';
import { INDICATORS, type IndicatorId } from '../../indicators.ts';
import { escapeHtml } from '../html-escape.ts';
import type { RenderContext } from './render-context.ts';

export const HEADLINE_INDICATORS: readonly IndicatorId[] = [
  'ip_transfer_licence_count',
  'pledge_amount_cny',
  'patent_contract_turnover_cny',
  'gi_output_value_cny',
];

export function headlineTiles({ report, language, labels, notes }: RenderContext): string {
  const tiles = HEADLINE_INDICATORS.map((id) => {
    const figures = report.indicators[id];
    const growth = figures.yoy_growth;
    // Coloured by the printed rate, so "0.0%" is never green or red.
    const growthText = formatGrowth(growth);
    const trend = growthText.startsWith('+') ? 'up' : growthText.startsWith('-') ? 'down' : 'flat';
    return `<div class="tile status-${figures.status}">
<div class="tile-name">${escapeHtml(labels.indicatorName(id))}</div>
<div class="tile-value">${figures.ytd === null ? notes.missing(figures.null_reasons.ytd) : escapeHtml(formatIndicatorValue(figures.ytd, INDICATORS[id].unit, language))}</div>
<div class="tile-growth ${trend}">${escapeHtml(labels.scorecard.ytd)} · ${escapeHtml(labels.scorecard.yoy)} ${growth === null ? notes.missing(figures.null_reasons.yoy_growth) : escapeHtml(growthText)}</div>
</div>`;
  });
  return `<section class="tiles">\n${tiles.join('\n')}\n</section>`;
}
