/**
 * One city's report for one month through any QueryEngine (Athena in the `report` Lambda):
 * the same steps as the local run's buildReports — period, row counts from the manifests,
 * report inputs from the marts, assembleReport, report.json/html/xlsx rendered — for the one
 * city a Map iteration handles. Nothing here imports DuckDB.
 */
import { cityByCode, type CityConfig } from '../config/city-config.ts';
import type { QueryEngine } from '../engines/query-engine.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { readAllManifests, rowCountsByDataset } from '../pipeline/data-quality.ts';
import { defaultPeriod } from '../pipeline/default-period.ts';
import { shanghaiTimestamp } from '../pipeline/shanghai-time.ts';
import { assembleReport } from '../reports/assemble-report.ts';
import { renderReportFiles, type ReportFile } from '../reports/delivery/report-files.ts';
import { REPORT_FORMATS } from '../reports/format/report-format.ts';
import { nationalMixFor, readNationalBulletinRows } from '../reports/html/national-mix.ts';
import { parsePeriod } from '../reports/period.ts';
import { fetchDatasetCoverage, fetchReportInputs } from '../reports/report-queries.ts';
import type { Report } from '../reports/report-schema.ts';
import { NoReportPeriodError } from './no-report-period-error.ts';

export interface CityReportOptions {
  readonly engine: QueryEngine;
  /** The lake: its manifests give the data-quality counts. */
  readonly lake: ObjectStore;
  /** Where `reports/city=<code>/period=<YYYY-MM>/report.{json,html,xlsx}` are written. */
  readonly out: ObjectStore;
  readonly config: CityConfig;
  readonly cityCode: string;
  /** 'YYYY-MM'; by default the latest month every flow source has reported. */
  readonly period?: string;
  readonly now?: () => Date;
}

export interface WrittenCityReport {
  readonly city: string;
  readonly period: string;
  /** Key of report.json in the output store. */
  readonly key: string;
  readonly location: string;
  /** Every file written, report.json first. */
  readonly files: readonly Pick<ReportFile, 'format' | 'key'>[];
}

export async function buildCityReport(options: CityReportOptions): Promise<WrittenCityReport & { readonly report: Report }> {
  const city = cityByCode(options.config, options.cityCode);
  const period = options.period === undefined ? defaultPeriod(await fetchDatasetCoverage(options.engine)) : parsePeriod(options.period);
  if (period === null) throw new NoReportPeriodError();
  const rowCounts = rowCountsByDataset(await readAllManifests(options.lake));
  const generatedAt = shanghaiTimestamp((options.now ?? (() => new Date()))());
  const inputs = await fetchReportInputs(options.engine, { city, period, generatedAt, classificationVersion: null, rowCounts });
  const report = assembleReport(inputs);
  // Every format, in Chinese, as the local run's defaults write them.
  const nationalMix = nationalMixFor(report.patent_intensive.year, readNationalBulletinRows());
  const rendered = await renderReportFiles(report, { formats: REPORT_FORMATS, language: 'zh', nationalMix });
  for (const file of rendered) await options.out.put(file.key, file.body, { contentType: file.contentType });
  const key = rendered[0]!.key;
  return { city: city.code, period, key, location: `${options.out.location}/${key}`, files: rendered.map(({ format, key: fileKey }) => ({ format, key: fileKey })), report };
}
