/**
 * The files of one city's report, rendered in memory (so a failure writes nothing): report.json
 * always, report.html and report.xlsx when asked for. Keys follow the lake layout
 * `reports/city=<code>/period=<YYYY-MM>/<file>`.
 */
import { lakeKeys } from '../../lake/lake-keys.ts';
import { REPORT_CONTENT_TYPES, REPORT_FILE_NAMES, REPORT_FORMATS, type ReportFormat } from '../format/report-format.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import type { NationalMix } from '../html/national-mix.ts';
import { renderReportHtml } from '../html/render-report-html.ts';
import { reportJsonText, type Report } from '../report-schema.ts';
import { renderReportXlsx } from '../xlsx/render-report-xlsx.ts';

export interface ReportFile {
  readonly format: ReportFormat;
  readonly key: string;
  readonly body: Uint8Array | string;
  readonly contentType: string;
}

export interface RenderReportFilesOptions {
  /** Formats besides json (always written). */
  readonly formats: readonly ReportFormat[];
  readonly language: ReportLanguage;
  readonly nationalMix: NationalMix | null;
}

export async function renderReportFiles(report: Report, options: RenderReportFilesOptions): Promise<ReportFile[]> {
  const file = (format: ReportFormat, body: Uint8Array | string): ReportFile => ({
    format,
    key: lakeKeys.report(report.city.code, report.period, REPORT_FILE_NAMES[format]),
    body,
    contentType: REPORT_CONTENT_TYPES[format],
  });
  const files = [file('json', reportJsonText(report))];
  // The page links the files written beside it: json always, xlsx when asked for.
  const written = REPORT_FORMATS.filter((format) => format === 'json' || options.formats.includes(format));
  if (options.formats.includes('html')) files.push(file('html', renderReportHtml(report, { language: options.language, nationalMix: options.nationalMix, formats: written })));
  if (options.formats.includes('xlsx')) files.push(file('xlsx', await renderReportXlsx(report, { nationalMix: options.nationalMix })));
  return files;
}
