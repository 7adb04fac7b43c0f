/**
 * Reports as published, in the output store (docs/reports.md "Versions and revisions"): the
 * latest report of each city and month is at `reports/city=<code>/period=<YYYY-MM>/`; when a
 * report with other figures replaces it, the replaced files move to `versions/<generated_at>/`
 * beside it first, so a published report is never lost. A run's set of reports is published all
 * or nothing (staged-publication.ts). The previous month's report, as published, is what the
 * revisions section compares with. Beside every report.json goes report.schema.json, the JSON
 * Schema it keeps (report-json-schema.ts), as part of the same set.
 */
import { lakeKeys } from '../../lake/lake-keys.ts';
import { ObjectNotFoundError, type ObjectStore } from '../../lake/object-store.ts';
import { REPORT_CONTENT_TYPES, REPORT_FILE_NAMES, REPORT_FORMATS } from '../format/report-format.ts';
import { isMonth, monthIndex } from '../period.ts';
import { REPORT_SCHEMA_CONTENT_TYPE, REPORT_SCHEMA_FILE_NAME, reportJsonSchemaText } from '../report-json-schema.ts';
import type { Report } from '../report-schema.ts';
import { PublishedReportSchema, type PublishedReport } from '../revisions.ts';
import type { ReportFile } from './report-files.ts';
import { publishStaged, type PublishedFile, type StagedPublicationOptions } from './staged-publication.ts';

/** The city's latest report for a month before `period` (its current version), or null when there is none. */
export async function previousPublishedReport(out: ObjectStore, cityCode: string, period: string): Promise<PublishedReport | null> {
  const prefix = lakeKeys.reportCityPrefix(cityCode);
  const periods = (await out.list(prefix))
    .map((object) => /^period=(\d{4}-\d{2})\/report\.json$/.exec(object.key.slice(prefix.length))?.[1])
    .filter((month): month is string => month !== undefined && isMonth(month) && monthIndex(month) < monthIndex(period))
    .sort();
  const latest = periods.at(-1);
  if (latest === undefined) return null;
  const key = lakeKeys.report(cityCode, latest, REPORT_FILE_NAMES.json);
  try {
    return PublishedReportSchema.parse(JSON.parse(await out.getText(key)));
  } catch (error) {
    throw new Error(`cannot read the previous report ${key} in ${out.location} to list revisions against: ${(error as Error).message}`, { cause: error });
  }
}

export interface CityReportFiles {
  readonly report: Report;
  readonly files: readonly ReportFile[];
}

/**
 * Publishes the reports of a run, each with report.schema.json beside it, and any other file of
 * the set (the index) all or nothing (staged-publication.ts). Once the whole set is staged, each
 * city's report.json already there with other figures has its files copied to
 * `versions/<its generated_at>/` first. Returns, per report, the key of the version kept, if any.
 */
export async function publishReportSet(
  out: ObjectStore,
  reports: readonly CityReportFiles[],
  others: readonly PublishedFile[] = [],
  options: Omit<StagedPublicationOptions, 'beforeReplace'> = {},
): Promise<(string | null)[]> {
  const kept: (string | null)[] = [];
  const keepVersions = async () => {
    for (const { report } of reports) kept.push(await keepReplacedVersion(out, report));
  };
  // Generated before anything is staged: a schema that cannot be generated stops the run with nothing written.
  const schemaText = reportJsonSchemaText();
  const withSchema = ({ report, files }: CityReportFiles): PublishedFile[] => [...files, reportSchemaFile(report, schemaText)];
  await publishStaged(out, [...reports.flatMap(withSchema), ...others], { ...options, beforeReplace: keepVersions });
  return kept;
}

/** report.schema.json in the report's folder: the JSON Schema its report.json keeps. */
function reportSchemaFile(report: Report, schemaText: string): PublishedFile {
  return { key: lakeKeys.report(report.city.code, report.period, REPORT_SCHEMA_FILE_NAME), body: schemaText, contentType: REPORT_SCHEMA_CONTENT_TYPE };
}

/** One city's report files (the Lambda publishes city by city). Returns the key of the version kept, if any. */
export async function publishReportFiles(out: ObjectStore, report: Report, files: readonly ReportFile[]): Promise<string | null> {
  return (await publishReportSet(out, [{ report, files }]))[0] ?? null;
}

/** When a report.json with other figures is published for the report's city and month, its files are copied to versions/. */
async function keepReplacedVersion(out: ObjectStore, report: Report): Promise<string | null> {
  const current = await getIfAny(out, lakeKeys.report(report.city.code, report.period, REPORT_FILE_NAMES.json));
  if (current === null) return null;
  const published = JSON.parse(Buffer.from(current).toString('utf8')) as { generated_at?: unknown };
  return figuresDiffer(published, report) ? keepVersion(out, report.city.code, report.period, String(published.generated_at), current) : null;
}

/** The object's bytes, or null when there is no such object (any other failure is thrown). */
async function getIfAny(out: ObjectStore, key: string): Promise<Uint8Array | null> {
  try {
    return await out.get(key);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return null;
    throw error;
  }
}

/** True when two reports differ in anything but the time they were made. */
function figuresDiffer(published: { generated_at?: unknown }, report: Report): boolean {
  const { generated_at: _published, ...before } = published;
  const { generated_at: _now, ...after } = report;
  return JSON.stringify(before) !== JSON.stringify(after);
}

/**
 * Copies the published files to versions/; `currentJson` is the published report.json's bytes.
 * report.schema.json goes with them when the folder has one (reports published before it existed
 * have none), so a kept report.json always sits beside the schema it was written against.
 */
async function keepVersion(out: ObjectStore, cityCode: string, period: string, generatedAt: string, currentJson: Uint8Array): Promise<string> {
  const stamp = versionStamp(generatedAt);
  // A folder already holding this very report.json is this version, kept by a publication that failed later: completed, not doubled.
  const isFreeOrThisVersion = async (folder: string) => {
    const kept = await getIfAny(out, lakeKeys.reportVersion(cityCode, period, folder, REPORT_FILE_NAMES.json));
    return kept === null || Buffer.from(kept).equals(Buffer.from(currentJson));
  };
  let suffix = '';
  for (let attempt = 2; !(await isFreeOrThisVersion(`${stamp}${suffix}`)); attempt++) suffix = `-${attempt}`;
  const folder = `${stamp}${suffix}`;
  // report.json last: it names the folder taken, so a copy cut short is redone in the same folder next time.
  const copies = [
    ...REPORT_FORMATS.filter((one) => one !== 'json').map((format) => ({ fileName: REPORT_FILE_NAMES[format], contentType: REPORT_CONTENT_TYPES[format] })),
    { fileName: REPORT_SCHEMA_FILE_NAME, contentType: REPORT_SCHEMA_CONTENT_TYPE },
  ];
  for (const { fileName, contentType } of copies) {
    const body = await getIfAny(out, lakeKeys.report(cityCode, period, fileName));
    if (body !== null) await out.put(lakeKeys.reportVersion(cityCode, period, folder, fileName), body, { contentType });
  }
  await out.put(lakeKeys.reportVersion(cityCode, period, folder, REPORT_FILE_NAMES.json), currentJson, { contentType: REPORT_CONTENT_TYPES.json });
  return lakeKeys.reportVersion(cityCode, period, folder, REPORT_FILE_NAMES.json);
}

/** '2025-12-05T02:00:00+08:00' → '20251204T180000Z' (UTC: sorts in time order and needs no escaping). */
export function versionStamp(generatedAt: string): string {
  const instant = new Date(generatedAt);
  if (Number.isNaN(instant.getTime())) throw new Error(`a published report has generated_at ${JSON.stringify(generatedAt)}, which is not a time`);
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}
