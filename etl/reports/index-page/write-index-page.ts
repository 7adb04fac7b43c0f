/**
 * The index of a period, from the reports the store holds for it (every city reported so far, not
 * only those of this run) overlaid with the reports about to be published with it, so
 * `ipstats report --city X` keeps the index complete and the index is published in the same set
 * as the reports (staged-publication.ts).
 */
import { lakeKeys } from '../../lake/lake-keys.ts';
import type { ObjectStore } from '../../lake/object-store.ts';
import { REPORT_CONTENT_TYPES, REPORT_FILE_NAMES, REPORT_FORMATS, type ReportFormat } from '../format/report-format.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import { validateReport, type Report } from '../report-schema.ts';
import type { PublishedFile } from '../delivery/staged-publication.ts';
import { indexPageKey } from './index-page-key.ts';
import { renderIndexHtml } from './render-index-html.ts';

/** A report of this run, not yet published, and the formats written for it. */
export interface PendingReport {
  readonly report: Report;
  readonly formats: readonly ReportFormat[];
}

export async function indexPageFile(store: ObjectStore, period: string, language: ReportLanguage, pending: readonly PendingReport[] = []): Promise<PublishedFile> {
  const suffix = `/period=${period}/${REPORT_FILE_NAMES.json}`;
  const pendingCities = new Map(pending.map((one) => [one.report.city.code, one]));
  const pendingKeys = new Set(pending.map((one) => lakeKeys.report(one.report.city.code, period, REPORT_FILE_NAMES.json)));
  const jsonKeys = (await store.list('reports/city=')).map((object) => object.key).filter((key) => key.endsWith(suffix));
  const reports: Report[] = pending.map((one) => one.report);
  for (const key of jsonKeys) {
    if (pendingKeys.has(key)) continue;
    try {
      reports.push(validateReport(JSON.parse(await store.getText(key))));
    } catch (error) {
      throw new Error(`cannot list ${key} in the index of ${period}: it is not a valid report.json`, { cause: error });
    }
  }
  reports.sort((a, b) => a.city.code.localeCompare(b.city.code));
  const written = async (report: Report, format: ReportFormat): Promise<boolean> => {
    const one = pendingCities.get(report.city.code);
    if (one !== undefined) return one.formats.includes(format);
    return store.exists(lakeKeys.report(report.city.code, period, REPORT_FILE_NAMES[format]));
  };
  // Link only the formats written for every city of the period.
  const listed = await Promise.all(REPORT_FORMATS.map(async (format) => ({ format, everywhere: (await Promise.all(reports.map((report) => written(report, format)))).every(Boolean) })));
  const files = ['html', 'xlsx', 'json']
    .filter((format) => listed.find((one) => one.format === format)?.everywhere)
    .map((format) => REPORT_FILE_NAMES[format as keyof typeof REPORT_FILE_NAMES]);
  return { key: indexPageKey(period), body: renderIndexHtml({ period, reports, files, language }), contentType: REPORT_CONTENT_TYPES.html };
}
