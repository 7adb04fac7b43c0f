/** Rows read and rejected, and the latest month, per dataset. */
import { formatCount } from '../../format/count.ts';
import { formatMonthName } from '../../format/month-name.ts';
import { formatPercent } from '../../format/percent.ts';
import type { ReportLanguage } from '../../format/report-language.ts';
import { DATASETS } from '../../../schemas/index.ts';
import { escapeHtml } from '../html-escape.ts';
import { tableHead } from '../table-head.ts';
import type { RenderContext } from './render-context.ts';

/** 专利转让、许可备案 <code>patent_events</code> in Chinese; the dataset name alone in English. */
function datasetTitle(dataset: string, language: ReportLanguage): string {
  const spec = (DATASETS as Readonly<Record<string, { readonly titleZh: string } | undefined>>)[dataset];
  const code = `<code>${escapeHtml(dataset)}</code>`;
  return language === 'zh' && spec !== undefined ? `${escapeHtml(spec.titleZh)} ${code}` : code;
}

function rejectedShare(read: number, rejected: number): number | null {
  return read === 0 ? null : rejected / read;
}

export function dataQualitySection({ report, language, labels }: RenderContext): string {
  const q = labels.quality;
  const quality = report.data_quality;
  const rows = Object.entries(quality.by_dataset).map(
    ([dataset, counts]) =>
      `<tr><th scope="row">${datasetTitle(dataset, language)}</th><td class="num">${escapeHtml(formatCount(counts.rows_read))}</td><td class="num">${escapeHtml(formatCount(counts.rows_rejected))}</td><td class="num">${escapeHtml(formatPercent(rejectedShare(counts.rows_read, counts.rows_rejected), 2))}</td><td>${escapeHtml(counts.latest_period === null ? '—' : formatMonthName(counts.latest_period, language))}</td></tr>`,
  );
  return `<section class="data-quality">
<h2>${escapeHtml(labels.sections.dataQuality)}</h2>
<table>
${tableHead([{ text: q.dataset }, { text: q.rowsRead, numeric: true }, { text: q.rowsRejected, numeric: true }, { text: q.rejectedShare, numeric: true }, { text: q.latestPeriod }])}
<tbody>
${rows.join('\n')}
</tbody>
<tfoot><tr><th scope="row">${escapeHtml(q.total)}</th><td class="num">${escapeHtml(formatCount(quality.rows_read))}</td><td class="num">${escapeHtml(formatCount(quality.rows_rejected))}</td><td class="num">${escapeHtml(formatPercent(rejectedShare(quality.rows_read, quality.rows_rejected), 2))}</td><td></td></tr></tfoot>
</table>
</section>`;
}
