/** High-value invention patents: the three headline figures and the count per CNIPA criterion (docs/high-value-patents.md). */
import { formatCount } from '../../format/count.ts';
import { groupedNumber } from '../../format/grouped-number.ts';
import { displayMoney } from '../../format/display-unit.ts';
import type { NullReason } from '../../null-reasons.ts';
import { escapeHtml } from '../html-escape.ts';
import { tableHead } from '../table-head.ts';
import type { RenderContext } from './render-context.ts';

const CRITERIA = ['strategic_emerging', 'overseas_family', 'maintained_over_10_years', 'high_pledge', 'award'] as const;

export function highValuePatentsSection({ report, language, labels, notes }: RenderContext): string {
  const section = report.high_value_patents;
  const h = labels.highValue;
  const figure = (value: number | null, reason: NullReason | undefined, text: (value: number) => string) =>
    value === null ? notes.missing(reason) : escapeHtml(text(value));
  const patents = (value: number) => `${formatCount(value)} ${h.unitPatents}`;
  const reasons = section.null_reasons;
  const figures = `<dl class="figures">
<div><dt>${escapeHtml(h.inventionInForce)}</dt><dd>${figure(section.invention_in_force, reasons.invention_in_force, patents)}</dd></div>
<div><dt>${escapeHtml(h.highValueInForce)}</dt><dd>${figure(section.high_value_in_force, reasons.high_value_in_force, patents)}</dd></div>
<div><dt>${escapeHtml(h.per10kResidents)}</dt><dd>${figure(section.per_10k_residents, reasons.per_10k_residents, (value) => `${groupedNumber(value, 2)} ${h.unitPer10k}`)}</dd></div>
<div><dt>${escapeHtml(h.residentPopulation(section.population_year))}</dt><dd>${figure(section.resident_population, reasons.resident_population, formatCount)}</dd></div>
</dl>`;
  const rows = CRITERIA.map(
    (name) =>
      `<tr><th scope="row">${escapeHtml(h.criteria[name])}</th><td class="num">${figure(section.by_criterion[name], reasons.by_criterion[name], formatCount)}</td></tr>`,
  );
  const note = `${h.asOf(section.as_of)} ${h.threshold(displayMoney(section.pledge_threshold_cny, language))} ${h.onceNote}`;
  return `<section class="high-value-patents">
<h2>${escapeHtml(labels.sections.highValuePatents)}</h2>
${figures}
<table>
${tableHead([{ text: h.criterion }, { text: h.patents, numeric: true }])}
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p class="note">${escapeHtml(note)}</p>
</section>`;
}
