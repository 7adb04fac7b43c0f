/**
 * 修订说明: the figures of earlier periods that changed since the city's previous report, each
 * with the old and the new value and the delivery that changed it (report.json `revisions`).
 */
import { displayAmount, indicatorDisplayUnit } from '../../format/display-unit.ts';
import { formatCount } from '../../format/count.ts';
import { formatCents, parseCents } from '../../exact-decimal.ts';
import { formatMonthName } from '../../format/month-name.ts';
import type { ReportLanguage } from '../../format/report-language.ts';
import type { RevisionsSection } from '../../report-schema.ts';
import { escapeHtml } from '../html-escape.ts';
import type { ReportLabels } from '../report-labels.ts';
import { tableHead } from '../table-head.ts';
import type { RenderContext } from './render-context.ts';

type Change = RevisionsSection['changes'][number];

export function revisionsSection({ report, language, labels, notes }: RenderContext): string {
  const r = labels.revisions;
  const revisions = report.revisions;
  const heading = `<h2>${escapeHtml(labels.sections.revisions)}</h2>`;
  if (revisions.compared_with === null) return `<section class="revisions">\n${heading}\n<p class="note">${escapeHtml(r.none)}</p>\n</section>`;
  const earlier = formatMonthName(revisions.compared_with.period, language);
  if (revisions.changes.length === 0) return `<section class="revisions">\n${heading}\n<p class="note">${escapeHtml(r.noChanges(earlier))}</p>\n</section>`;
  const value = (change: Change, number: number) => escapeHtml(displayAmount(number, change.unit, language));
  const rows = revisions.changes.map(
    (change) =>
      `<tr><th scope="row">${escapeHtml(labels.indicatorName(change.indicator))}</th><td class="unit">${escapeHtml(indicatorDisplayUnit(change.indicator, language))}</td><td class="nowrap">${escapeHtml(periodText(change, labels, language))}</td><td class="num">${value(change, change.old)}</td><td class="num">${change.new === null ? notes.missing(change.null_reason) : value(change, change.new)}</td><td class="num">${escapeHtml(differenceText(change, language))}</td><td>${sourcesText(change, labels)}</td></tr>`,
  );
  return `<section class="revisions">
${heading}
<p class="note">${escapeHtml(r.comparedWith(earlier, revisions.compared_with.generated_at.replace('T', ' ').slice(0, 16)))}</p>
<div class="table-scroll"><table>
${tableHead([{ text: r.indicator }, { text: labels.scorecard.unit }, { text: r.period }, { text: r.old, numeric: true }, { text: r.new, numeric: true }, { text: r.change, numeric: true }, { text: r.sources }])}
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

function periodText(change: Change, labels: ReportLabels, language: ReportLanguage): string {
  return change.figure === 'annual' ? labels.revisions.annual(change.period) : formatMonthName(change.period, language);
}

/** new − old in the row's display unit (万元 for money), signed and exact (both have at most 2 decimals, the difference stays decimal text); '' when new is null. */
function differenceText(change: Change, language: ReportLanguage): string {
  if (change.new === null) return '';
  const hundredths = parseCents(String(change.new), 'revised value') - parseCents(String(change.old), 'published value');
  const magnitude = hundredths < 0n ? -hundredths : hundredths;
  const text = displayAmount(formatCents(magnitude), change.unit, language);
  return hundredths > 0n ? `+${text}` : hundredths < 0n ? `-${text}` : text;
}

function sourcesText(change: Change, labels: ReportLabels): string {
  if (change.sources.length === 0) return escapeHtml(labels.revisions.noSource);
  return change.sources
    .map((source) => {
      const superseded = source.superseded_rows > 0 ? `（${labels.revisions.superseded(formatCount(source.superseded_rows))}）` : '';
      return `<code>${escapeHtml(source.file)}</code>${escapeHtml(superseded)}`;
    })
    .join('<br>');
}
