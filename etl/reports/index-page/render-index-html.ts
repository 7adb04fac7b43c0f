/**
 * index.html of one period: one table of every configured city — each indicator's ranked figure
 * with the city's rank, status counts, links to the city's report files — sortable by clicking a
 * column header (sortable-table-script.ts; the page is complete without the script), and links to
 * the previous and next month's index when the output holds them.
 */
import { displayAmount, indicatorDisplayUnit } from '../format/display-unit.ts';
import { formatMonthName } from '../format/month-name.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import { escapeHtml } from '../html/html-escape.ts';
import { labelsFor } from '../html/labels.ts';
import { htmlDocument } from '../html/html-document.ts';
import { printPageRules } from '../html/print-page-rules.ts';
import type { ReportLabels } from '../html/report-labels.ts';
import { INDICATORS, INDICATOR_IDS } from '../indicators.ts';
import { headlinesOf, rankValueField } from '../peers/peer-headlines.ts';
import type { PeriodPeers } from '../peers/period-peers.ts';
import { INDEX_CSS } from './index-page-css.ts';
import { indexLinkFromIndex, reportLinkFromIndex } from './index-page-key.ts';
import { SORTABLE_TABLE_SCRIPT } from './sortable-table-script.ts';

export interface RenderIndexHtmlOptions {
  readonly peers: PeriodPeers;
  /** File names linked per city (report.html, report.xlsx, report.json), in link order. */
  readonly files: readonly string[];
  /** The months next to this one whose index the output holds, or null. */
  readonly previousPeriod?: string | null;
  readonly nextPeriod?: string | null;
  /** @default 'zh' */
  readonly language?: ReportLanguage;
}

const STATUS_ORDER = ['met', 'on_track', 'behind', 'no_data'] as const;

export function renderIndexHtml(options: RenderIndexHtmlOptions): string {
  const language = options.language ?? 'zh';
  const labels = labelsFor(language);
  const { peers } = options;
  const title = labels.index.title(formatMonthName(peers.period, language));
  const rows = peers.cities.map((city) => cityRow(city, options, labels, language));
  const months = [
    options.previousPeriod ? `<a rel="prev" href="${escapeHtml(indexLinkFromIndex(options.previousPeriod))}">${escapeHtml(labels.index.previousMonth(formatMonthName(options.previousPeriod, language)))}</a>` : '',
    options.nextPeriod ? `<a rel="next" href="${escapeHtml(indexLinkFromIndex(options.nextPeriod))}">${escapeHtml(labels.index.nextMonth(formatMonthName(options.nextPeriod, language)))}</a>` : '',
  ].filter((link) => link !== '');
  const sortable = (text: string, numeric: boolean, sort: 'ascending' | 'none' = 'none') =>
    `<th scope="col"${numeric ? ' class="num"' : ''} aria-sort="${sort}">${escapeHtml(text)}</th>`;
  const head = [
    sortable(labels.index.city, false, 'ascending'),
    // One unit per column, named in its header: 万元 for money, what a count counts.
    ...INDICATOR_IDS.map((id) => sortable(labels.charts.titleWithUnit(labels.index.rankedBy(labels.indicatorName(id), fieldName(rankValueField(id, peers.period), labels)), indicatorDisplayUnit(id, language)), true)),
    sortable(labels.index.statusCounts, true),
    `<th scope="col">${escapeHtml(labels.index.reports)}</th>`,
  ].join('');
  return htmlDocument({
    lang: labels.htmlLang,
    title,
    extraCss: `${INDEX_CSS}\n${printPageRules({ runningHeader: title, pageNumber: labels.page.pageNumber, orientation: 'landscape' })}`,
    main: `<header class="report-header">
<p class="subtitle">${escapeHtml(labels.subtitle)}</p>
<h1>${escapeHtml(title)}</h1>
</header>
${months.length === 0 ? '' : `<nav class="months">${months.join('\n')}</nav>\n`}<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(title)}">
<table id="cities">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
<p class="note">${escapeHtml(labels.index.howToRead)} ${escapeHtml(labels.missingNote)}</p>`,
    script: SORTABLE_TABLE_SCRIPT,
  });
}

function fieldName(field: string, labels: ReportLabels): string {
  if (field === 'ytd' || field === 'cumulative') return labels.index.fieldNames[field];
  return labels.index.fieldNames.annual(field.slice('annual.'.length));
}

function cityRow(city: PeriodPeers['cities'][number], options: RenderIndexHtmlOptions, labels: ReportLabels, language: ReportLanguage): string {
  const { peers } = options;
  const heading = `<th scope="row" data-sort="${escapeHtml(city.code)}">${escapeHtml(city.name)} <span class="note">${escapeHtml(city.code)}</span></th>`;
  const report = city.report;
  if (report === null) {
    const empty = INDICATOR_IDS.map(() => '<td class="num" data-sort="">—</td>').join('\n');
    return `<tr class="missing">\n${heading}\n${empty}\n<td class="statuses" data-sort="">${escapeHtml(labels.index.noReport)}</td>\n<td class="links"></td>\n</tr>`;
  }
  const ranks = peers.ranks.get(city.code);
  if (ranks === undefined) throw new Error(`city ${city.code} has a report for ${peers.period} but no ranks`);
  const headlines = headlinesOf(report);
  const cells = INDICATOR_IDS.map((id) => {
    const figure = headlines.figures[id];
    const rank = ranks.by_indicator[id];
    if (figure.value === null) {
      return `<td class="num" data-sort="">—<br><span class="note">${escapeHtml(labels.nullReasons[figure.null_reason])}</span></td>`;
    }
    const rankText = rank.rank === null ? '' : `<br><span class="note rank">${escapeHtml(labels.scorecard.rankOf(rank.rank, rank.of))}</span>`;
    return `<td class="num" data-sort="${figure.value}">${escapeHtml(displayAmount(figure.value, INDICATORS[id].unit, language))}${rankText}</td>`;
  });
  const statuses = Object.values(report.indicators).map((figures) => figures.status);
  const count = (status: (typeof STATUS_ORDER)[number]) => statuses.filter((one) => one === status).length;
  const statusText = STATUS_ORDER.map((status) => `${status === 'no_data' ? labels.index.notJudged : labels.status[status]} ${count(status)}`).join(' · ');
  const links = options.files
    .map((file) => `<a href="${escapeHtml(reportLinkFromIndex(city.code, peers.period, file))}">${escapeHtml(file.replace(/^report\./, ''))}</a>`)
    .join(' · ');
  return `<tr>\n${heading}\n${cells.join('\n')}\n<td class="statuses" data-sort="${count('met')}">${escapeHtml(statusText)}</td>\n<td class="links">${links}</td>\n</tr>`;
}
