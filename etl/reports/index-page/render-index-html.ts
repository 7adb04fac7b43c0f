/** index.html of one period: every city's headline figures, status counts and links to its reports. */
import { formatCount } from '../format/count.ts';
import { formatMoney } from '../format/money.ts';
import { formatMonthName } from '../format/month-name.ts';
import { formatGrowth } from '../format/percent.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import { escapeHtml } from '../html/html-escape.ts';
import { labelsFor } from '../html/labels.ts';
import { htmlDocument } from '../html/html-document.ts';
import { tableHead } from '../html/table-head.ts';
import type { Report } from '../report-schema.ts';
import { reportLinkFromIndex } from './index-page-key.ts';

export interface RenderIndexHtmlOptions {
  readonly period: string;
  /** The reports of the period, in the order to list them. */
  readonly reports: readonly Report[];
  /** File names written per city (report.html, report.xlsx, report.json), in link order. */
  readonly files: readonly string[];
  /** @default 'zh' */
  readonly language?: ReportLanguage;
}

export function renderIndexHtml(options: RenderIndexHtmlOptions): string {
  const language = options.language ?? 'zh';
  const labels = labelsFor(language);
  const title = labels.index.title(formatMonthName(options.period, language));
  const rows = options.reports.map((report) => {
    const i = report.indicators;
    const statuses = Object.values(i).map((figures) => figures.status);
    const count = (status: string) => statuses.filter((one) => one === status).length;
    const links = options.files
      .map((file) => `<a href="${escapeHtml(reportLinkFromIndex(report.city.code, options.period, file))}">${escapeHtml(file.replace(/^report\./, ''))}</a>`)
      .join(' · ');
    return `<tr>
<th scope="row">${escapeHtml(report.city.name)} <span class="note">${escapeHtml(report.city.code)}</span></th>
<td class="num">${escapeHtml(formatCount(i.ip_transfer_licence_count.ytd))}<br><span class="note">${escapeHtml(formatGrowth(i.ip_transfer_licence_count.yoy_growth))}</span></td>
<td class="num">${escapeHtml(formatMoney(i.pledge_amount_cny.ytd, language))}<br><span class="note">${escapeHtml(formatGrowth(i.pledge_amount_cny.yoy_growth))}</span></td>
<td class="num">${escapeHtml(formatMoney(i.patent_contract_turnover_cny.ytd, language))}<br><span class="note">${escapeHtml(formatGrowth(i.patent_contract_turnover_cny.yoy_growth))}</span></td>
<td class="num">${escapeHtml(formatMoney(i.gi_output_value_cny.ytd, language))}<br><span class="note">${escapeHtml(formatGrowth(i.gi_output_value_cny.yoy_growth))}</span></td>
<td class="num"><span class="mark mark-met">${count('met')}</span> <span class="mark mark-on_track">${count('on_track')}</span> <span class="mark mark-behind">${count('behind')}</span></td>
<td class="links">${links}</td>
</tr>`;
  });
  const ytd = labels.scorecard.ytd;
  return htmlDocument({
    lang: labels.htmlLang,
    title,
    extraCss: `main{max-width:1100px}
td.links{white-space:nowrap}`,
    main: `<header class="report-header">
<p class="subtitle">${escapeHtml(labels.subtitle)}</p>
<h1>${escapeHtml(title)}</h1>
</header>
<table>
${tableHead([
  { text: labels.index.city },
  { text: `${labels.indicatorName('ip_transfer_licence_count')} · ${ytd}`, numeric: true },
  { text: `${labels.indicatorName('pledge_amount_cny')} · ${ytd}`, numeric: true },
  { text: `${labels.indicatorName('patent_contract_turnover_cny')} · ${ytd}`, numeric: true },
  { text: `${labels.indicatorName('gi_output_value_cny')} · ${ytd}`, numeric: true },
  { text: labels.index.statusCounts, numeric: true },
  { text: labels.index.reports },
])}
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p class="note">${escapeHtml(language === 'zh' ? '每格下方为同比增长。' : 'Below each figure: year on year growth.')} ${escapeHtml(labels.missingNote)}</p>`,
  });
}
