/**
 * Writes the index of a period from the reports the store holds for it (every city reported so
 * far, not only those of this run), so `ipstats report --city X` keeps the index complete.
 */
import type { ObjectStore } from '../../lake/object-store.ts';
import { REPORT_CONTENT_TYPES, REPORT_FILE_NAMES, REPORT_FORMATS } from '../format/report-format.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import { validateReport, type Report } from '../report-schema.ts';
import { indexPageKey } from './index-page-key.ts';
import { renderIndexHtml } from './render-index-html.ts';

export async function writeIndexPage(store: ObjectStore, period: string, language: ReportLanguage): Promise<string> {
  const suffix = `/period=${period}/${REPORT_FILE_NAMES.json}`;
  const jsonKeys = (await store.list('reports/city=')).map((object) => object.key).filter((key) => key.endsWith(suffix));
  const reports: Report[] = [];
  for (const key of jsonKeys) {
    try {
      reports.push(validateReport(JSON.parse(await store.getText(key))));
    } catch (error) {
      throw new Error(`cannot list ${key} in the index of ${period}: it is not a valid report.json`, { cause: error });
    }
  }
  reports.sort((a, b) => a.city.code.localeCompare(b.city.code));
  // Link only the formats written for every city of the period.
  const listed = await Promise.all(
    REPORT_FORMATS.map(async (format) => ({
      format,
      everywhere: (await Promise.all(reports.map((report) => store.exists(`reports/city=${report.city.code}/period=${period}/${REPORT_FILE_NAMES[format]}`)))).every(Boolean),
    })),
  );
  const files = ['html', 'xlsx', 'json']
    .filter((format) => listed.find((one) => one.format === format)?.everywhere)
    .map((format) => REPORT_FILE_NAMES[format as keyof typeof REPORT_FILE_NAMES]);
  const key = indexPageKey(period);
  await store.put(key, renderIndexHtml({ period, reports, files, language }), { contentType: REPORT_CONTENT_TYPES.html });
  return key;
}
