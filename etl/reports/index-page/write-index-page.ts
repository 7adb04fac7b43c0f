/**
 * The index of a period — index.html, index.xlsx and index.json, written together beside each
 * other — from the month's peers (peers/period-peers.ts: this run's reports over the published
 * ones of every configured city), so `ipstats report --city X` keeps the index complete, its ranks
 * are the ones the reports carry, and the index is published in the same set as the reports
 * (staged-publication.ts).
 */
import { lakeKeys } from '../../lake/lake-keys.ts';
import type { ObjectStore } from '../../lake/object-store.ts';
import { REPORT_CONTENT_TYPES, REPORT_FILE_NAMES, REPORT_FORMATS, type ReportFormat } from '../format/report-format.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import type { PublishedFile } from '../delivery/staged-publication.ts';
import { addMonths } from '../period.ts';
import type { PeriodPeers } from '../peers/period-peers.ts';
import { indexJsonText } from './index-json-schema.ts';
import { INDEX_FILE_NAMES, indexFileKey, indexPageKey, reportLinkFromIndex } from './index-page-key.ts';
import { indexRows, indexValueFields } from './index-rows.ts';
import { renderIndexHtml } from './render-index-html.ts';
import { renderIndexXlsx } from './render-index-xlsx.ts';

export interface IndexFilesOptions {
  readonly store: ObjectStore;
  readonly peers: PeriodPeers;
  readonly language: ReportLanguage;
  /** The formats this run writes for each of its cities, by city code; other cities' files are looked up in the store. */
  readonly pendingFormats: ReadonlyMap<string, readonly ReportFormat[]>;
}

export async function indexFiles({ store, peers, language, pendingFormats }: IndexFilesOptions): Promise<PublishedFile[]> {
  const { period } = peers;
  const reported = peers.cities.filter((city) => city.report !== null);
  const written = async (cityCode: string, format: ReportFormat): Promise<boolean> => {
    const formats = pendingFormats.get(cityCode);
    if (formats !== undefined) return formats.includes(format);
    return store.exists(lakeKeys.report(cityCode, period, REPORT_FILE_NAMES[format]));
  };
  // Each city's written formats, looked up once (on S3 every look-up is a request).
  const writtenFormats = new Map(
    await Promise.all(reported.map(async (city) => [city.code, (await Promise.all(REPORT_FORMATS.map(async (format) => ((await written(city.code, format)) ? [format] : [])))).flat()] as const)),
  );
  // The page links only the formats written for every city with a report.
  const files = (['html', 'xlsx', 'json'] as const)
    .filter((format) => reported.every((city) => writtenFormats.get(city.code)!.includes(format)))
    .map((format) => REPORT_FILE_NAMES[format]);
  const [previousPeriod, nextPeriod] = await Promise.all(
    [addMonths(period, -1), addMonths(period, 1)].map(async (month) => ((await store.exists(indexPageKey(month))) ? month : null)),
  );
  const rows = indexRows(peers);
  const cities = peers.cities.map((city) => ({
    code: city.code,
    name: city.report?.city.name ?? city.name,
    status: city.report === null ? ('missing' as const) : ('reported' as const),
    files: (writtenFormats.get(city.code) ?? []).map((format) => reportLinkFromIndex(city.code, period, REPORT_FILE_NAMES[format])),
  }));
  return [
    { key: indexPageKey(period), body: renderIndexHtml({ peers, files, previousPeriod, nextPeriod, language }), contentType: REPORT_CONTENT_TYPES.html },
    { key: indexFileKey(period, INDEX_FILE_NAMES.xlsx), body: await renderIndexXlsx(peers, rows), contentType: REPORT_CONTENT_TYPES.xlsx },
    { key: indexFileKey(period, INDEX_FILE_NAMES.json), body: indexJsonText({ period, cities, value_fields: indexValueFields(period), rows }), contentType: REPORT_CONTENT_TYPES.json },
  ];
}
