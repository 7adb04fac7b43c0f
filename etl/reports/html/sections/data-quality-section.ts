/**
 * Data quality of the report's city and month: per dataset the months covered (and how that is
 * known: the last covered month is the end of the last run), the rows counted for the city, rows
 * outside coverage, rejected rows naming the city with their main rules; then the lake-wide
 * totals, labelled as such.
 */
import { formatCount } from '../../format/count.ts';
import { formatMonthName } from '../../format/month-name.ts';
import { formatShareOf } from '../../format/percent.ts';
import type { ReportLanguage } from '../../format/report-language.ts';
import type { DatasetCoverageJson, Report } from '../../report-schema.ts';
import { DATASETS } from '../../../schemas/index.ts';
import { escapeHtml } from '../html-escape.ts';
import type { ReportLabels } from '../report-labels.ts';
import { tableHead } from '../table-head.ts';
import type { RenderContext } from './render-context.ts';

/** 专利转让、许可备案 <code>patent_events</code> in Chinese; the dataset name alone in English. */
function datasetTitle(dataset: string, language: ReportLanguage): string {
  const spec = (DATASETS as Readonly<Record<string, { readonly titleZh: string } | undefined>>)[dataset];
  const code = `<code>${escapeHtml(dataset)}</code>`;
  return language === 'zh' && spec !== undefined ? `${escapeHtml(spec.titleZh)} ${code}` : code;
}

/** Rejected ÷ read rows as a percentage, rounded once on the exact quotient; "—" when nothing was read. */
function rejectedShare(read: number, rejected: number): string {
  return formatShareOf(rejected, read, 2);
}

/** Each run of the coverage: "2023-01至2025-12（推断）", "2026-01至2026-03（报送声明）". */
export function coverageRuns(coverage: DatasetCoverageJson | null, labels: ReportLabels, language: ReportLanguage): string[] {
  if (coverage === null) return [labels.quality.noCoverage];
  const to = language === 'zh' ? '至' : '–';
  return coverage.runs.map((run) => {
    const basis = labels.quality.coverageBasis[run.basis];
    return language === 'zh' ? `${run.first}${to}${run.last}（${basis}）` : `${run.first}${to}${run.last} (${basis})`;
  });
}

/** The runs in one line, for a spreadsheet cell. */
export function coverageText(coverage: DatasetCoverageJson | null, labels: ReportLabels, language: ReportLanguage): string {
  return coverageRuns(coverage, labels, language).join(language === 'zh' ? '；' : '; ');
}

/** The files rejected whole that nothing has followed, as a warning above the tables; empty when there are none. */
function filesRejectedWholeNotice(byDataset: Report['data_quality']['lake']['by_dataset'], labels: ReportLabels, language: ReportLanguage): string {
  const items = Object.entries(byDataset).flatMap(([dataset, counts]) =>
    (counts?.files_rejected_whole ?? []).map(
      (file) => `<li>${labels.quality.fileRejectedWhole(datasetTitle(dataset, language), escapeHtml(file.file), escapeHtml(file.rejected_at.replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')), escapeHtml(file.reason))}</li>`,
    ),
  );
  if (items.length === 0) return '';
  return `<div class="warning files-rejected-whole" role="alert"><p><strong>${escapeHtml(labels.quality.filesRejectedWhole)}</strong></p><ul>\n${items.join('\n')}\n</ul></div>\n`;
}
export function dataQualitySection({ report, language, labels }: RenderContext): string {
  const q = labels.quality;
  const quality = report.data_quality;
  const month = (value: string | null) => escapeHtml(value ?? '—');
  const rows = Object.entries(quality.by_dataset).map(([dataset, counts]) => {
    const reasons = counts.top_reject_reasons.map((reason) => `${reason.rule} ×${formatCount(reason.rows)}`).join(language === 'zh' ? '、' : ', ');
    const runs = coverageRuns(counts.coverage, labels, language).map((run) => `<span class="run">${escapeHtml(run)}</span>`).join('<br>');
    return `<tr><th scope="row">${datasetTitle(dataset, language)}</th><td class="coverage">${runs}</td><td class="num">${escapeHtml(formatCount(counts.rows_counted))}</td><td class="num">${escapeHtml(counts.rows_in_month === null ? '—' : formatCount(counts.rows_in_month))}</td><td class="num">${escapeHtml(formatCount(counts.rows_outside_coverage))}</td><td class="num">${escapeHtml(formatCount(counts.rows_rejected))}</td><td class="reasons">${escapeHtml(reasons)}</td></tr>`;
  });
  const lake = quality.lake;
  const lakeRows = Object.entries(lake.by_dataset).map(
    ([dataset, counts]) =>
      `<tr><th scope="row">${datasetTitle(dataset, language)}</th><td class="num">${escapeHtml(formatCount(counts.files))}</td><td class="num">${escapeHtml(formatCount(counts.rows_read))}</td><td class="num">${escapeHtml(formatCount(counts.rows_rejected))}</td><td class="num">${escapeHtml(rejectedShare(counts.rows_read, counts.rows_rejected))}</td><td class="nowrap">${month(counts.latest_period)}</td></tr>`,
  );
  return `<section class="data-quality">
<h2>${escapeHtml(labels.sections.dataQuality)}</h2>
${filesRejectedWholeNotice(quality.lake.by_dataset, labels, language)}<p class="note">${escapeHtml(q.scopeNote(report.city.name, formatMonthName(report.period, language)))}</p>
<div class="table-scroll"><table class="city-quality">
${tableHead([{ text: q.dataset }, { text: q.coverage }, { text: q.rowsCounted, numeric: true }, { text: q.rowsInMonth, numeric: true }, { text: q.rowsOutsideCoverage, numeric: true }, { text: q.rowsRejected, numeric: true }, { text: q.topRejectReasons }])}
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
<h3>${escapeHtml(q.lakeHeading)}</h3>
<div class="table-scroll"><table class="lake-totals">
${tableHead([{ text: q.dataset }, { text: q.files, numeric: true }, { text: q.rowsRead, numeric: true }, { text: q.rowsRejected, numeric: true }, { text: q.rejectedShare, numeric: true }, { text: q.latestPeriod }])}
<tbody>
${lakeRows.join('\n')}
</tbody>
<tfoot><tr><th scope="row">${escapeHtml(q.total)}</th><td class="num">${escapeHtml(formatCount(Object.values(lake.by_dataset).reduce((sum, counts) => sum + (counts?.files ?? 0), 0)))}</td><td class="num">${escapeHtml(formatCount(lake.rows_read))}</td><td class="num">${escapeHtml(formatCount(lake.rows_rejected))}</td><td class="num">${escapeHtml(rejectedShare(lake.rows_read, lake.rows_rejected))}</td><td></td></tr></tfoot>
</table></div>
${lake.rows_rejected_without_city > 0 ? `<p class="note">${escapeHtml(q.rejectedWithoutCity(formatCount(lake.rows_rejected_without_city)))}</p>` : ''}
</section>`;
}
