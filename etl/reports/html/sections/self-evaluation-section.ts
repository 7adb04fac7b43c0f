/**
 * The performance self-evaluation grid (绩效自评表) as the form prints it: one table with merged
 * header cells (指标值 over its two target columns) and merged 一级 / 二级 cells over their rows;
 * the flag of each row is written out, never shown by colour alone.
 */
import { formatPercent } from '../../format/percent.ts';
import { groupedNumber, trimmedNumber } from '../../format/grouped-number.ts';
import { displayAmount, indicatorDisplayUnit } from '../../format/display-unit.ts';
import { monthNumberOf } from '../../period.ts';
import type { SelfEvaluationRow } from '../../self-evaluation-schema.ts';
import { isCityFilledRow, type SelfEvaluationRowKey } from '../../self-evaluation-rows.ts';
import { escapeHtml } from '../html-escape.ts';
import type { ReportLabels } from '../report-labels.ts';
import type { RenderContext } from './render-context.ts';

const FLAG_MARKS = { behind_target: '✖', data_missing: '—', filled_by_city: '✎' } as const;

/** The name of a row's 三级指标: the indicator's, or the city row's. */
export function selfEvaluationRowName(key: SelfEvaluationRowKey, labels: ReportLabels): string {
  return isCityFilledRow(key) ? labels.selfEvaluation.cityRows[key] : labels.indicatorName(key);
}

/** How many rows from `index` on share the value of `field` (the rowspan of a merged cell), 0 inside a run. */
export function runLength(rows: readonly SelfEvaluationRow[], index: number, field: 'level1' | 'level2'): number {
  if (index > 0 && rows[index - 1]![field] === rows[index]![field]) return 0;
  let end = index;
  while (end < rows.length && rows[end]![field] === rows[index]![field]) end++;
  return end - index;
}

export function selfEvaluationSection({ report, language, labels, notes }: RenderContext): string {
  const grid = report.self_evaluation;
  const s = labels.selfEvaluation;
  const c = s.columns;
  const month = monthNumberOf(grid.period);
  const amount = (row: SelfEvaluationRow, field: 'annual_target' | 'target_to_date' | 'actual') => {
    const value = row[field];
    if (value === null) return notes.missing(row.null_reasons[field]);
    // Money in 万元 like every table of the page; a target for a count may have a fraction (5.76): up to 2 decimals.
    return escapeHtml(row.unit === 'cny' ? displayAmount(value, 'cny', language) : trimmedNumber(value, 2));
  };
  const body = grid.rows.map((row, index) => {
    const level1Span = runLength(grid.rows, index, 'level1');
    const level2Span = runLength(grid.rows, index, 'level2');
    const yearNote = row.year !== grid.year ? ` <span class="note">(${escapeHtml(s.yearOf(row.year))})</span>` : '';
    const flag = row.flag === null ? '' : `<span class="flag flag-${row.flag}">${FLAG_MARKS[row.flag]} ${escapeHtml(s.flags[row.flag])}</span>`;
    return `<tr data-row="${row.key}">
${level1Span > 0 ? `<th scope="rowgroup" rowspan="${level1Span}">${escapeHtml(s.level1[row.level1])}</th>\n` : ''}${level2Span > 0 ? `<th scope="rowgroup" rowspan="${level2Span}">${escapeHtml(s.level2[row.level2])}</th>\n` : ''}<th scope="row">${escapeHtml(selfEvaluationRowName(row.key, labels))}${yearNote}</th>
<td>${escapeHtml(row.indicator === null ? s.units[row.unit] : indicatorDisplayUnit(row.indicator, language))}</td>
<td class="num">${amount(row, 'annual_target')}</td>
<td class="num">${amount(row, 'target_to_date')}</td>
<td class="num">${amount(row, 'actual')}</td>
<td class="num">${row.completion_rate === null ? notes.missing(row.null_reasons.completion_rate) : escapeHtml(formatPercent(row.completion_rate, 1))}</td>
<td class="num">${escapeHtml(groupedNumber(row.points, 2))}</td>
<td class="num">${row.score === null ? notes.missing(row.null_reasons.score) : escapeHtml(groupedNumber(row.score, 2))}</td>
<td class="deviation">${flag}</td>
</tr>`;
  });
  const numeric = (text: string, attributes = '') => `<th scope="col" class="num"${attributes}>${escapeHtml(text)}</th>`;
  const plain = (text: string, attributes = '') => `<th scope="col"${attributes}>${escapeHtml(text)}</th>`;
  return `<section class="self-evaluation">
<h2>${escapeHtml(labels.sections.selfEvaluation)}</h2>
<p class="note">${escapeHtml(s.title(report.city.name, grid.year, month))} · ${escapeHtml(s.weightsSource[grid.weights_source])}</p>
<div class="table-scroll">
<table class="self-evaluation-grid">
<thead>
<tr>${plain(c.level1, ' rowspan="2"')}${plain(c.level2, ' rowspan="2"')}${plain(c.level3, ' rowspan="2"')}${plain(c.unit, ' rowspan="2"')}<th scope="colgroup" colspan="2">${escapeHtml(c.targets)}</th>${numeric(c.actual, ' rowspan="2"')}${numeric(c.completionRate, ' rowspan="2"')}${numeric(c.points, ' rowspan="2"')}${numeric(c.score, ' rowspan="2"')}${plain(c.deviation, ' rowspan="2"')}</tr>
<tr>${numeric(c.annualTarget)}${numeric(c.targetToDate(month))}</tr>
</thead>
<tbody>
${body.join('\n')}
</tbody>
<tfoot>
<tr><th scope="row" colspan="8">${escapeHtml(s.total)}</th><td class="num">${escapeHtml(groupedNumber(grid.total_points, 2))}</td><td class="num">${escapeHtml(groupedNumber(grid.score_total, 2))}</td><td>${escapeHtml(s.totalNote(groupedNumber(grid.points_to_fill, 2), groupedNumber(grid.points_not_scored, 2)))}</td></tr>
</tfoot>
</table>
</div>
<p class="note">${escapeHtml(s.note)}</p>
</section>`;
}
