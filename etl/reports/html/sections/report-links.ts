/**
 * The links under a report's header: its other files (only the formats written), the index of its
 * month, and the same city's previous report. Every href is relative to
 * `reports/city=<code>/period=<YYYY-MM>/report.html`, so they work on disk and in the bucket alike.
 */
import { formatMonthName } from '../../format/month-name.ts';
import { REPORT_FILE_NAMES, type ReportFormat } from '../../format/report-format.ts';
import { indexPageKey } from '../../index-page/index-page-key.ts';
import { escapeHtml } from '../html-escape.ts';
import type { RenderContext } from './render-context.ts';

export interface ReportLink {
  readonly rel: 'alternate' | 'index' | 'prev';
  readonly href: string;
  readonly text: string;
}

/** From a report's folder up to the output root: `reports/city=…/period=…/`. */
const TO_OUTPUT_ROOT = '../../../';

export function reportLinks({ report, language, labels }: RenderContext, formats: readonly ReportFormat[]): ReportLink[] {
  const links: ReportLink[] = [];
  if (formats.includes('json')) links.push({ rel: 'alternate', href: REPORT_FILE_NAMES.json, text: labels.page.jsonLink });
  if (formats.includes('xlsx')) links.push({ rel: 'alternate', href: REPORT_FILE_NAMES.xlsx, text: labels.page.xlsxLink });
  // The index of the month is written whenever report.html is (build-reports.ts, aws/period-index.ts).
  links.push({ rel: 'index', href: `${TO_OUTPUT_ROOT}${indexPageKey(report.period)}`, text: labels.page.indexLink(formatMonthName(report.period, language)) });
  const previous = report.revisions.compared_with;
  if (previous !== null) {
    links.push({ rel: 'prev', href: `../period=${previous.period}/${REPORT_FILE_NAMES.html}`, text: labels.page.previousReportLink(formatMonthName(previous.period, language)) });
  }
  return links;
}

export function reportLinksNav(context: RenderContext, formats: readonly ReportFormat[]): string {
  const items = reportLinks(context, formats).map((link) => `<li><a rel="${link.rel}" href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></li>`);
  return `<nav class="report-links" aria-label="${escapeHtml(context.labels.page.linksName)}">
<ul>
${items.join('\n')}
</ul>
</nav>`;
}
