/**
 * One city's report for one month through any QueryEngine (Athena in the `report` Lambda):
 * the same steps as the local run's buildReports — period, row counts from the manifests,
 * report inputs from the marts, assembleReport — for the one city a Map iteration handles.
 * Nothing here imports DuckDB.
 */
import { cityByCode, type CityConfig } from '../config/city-config.ts';
import type { QueryEngine } from '../engines/query-engine.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import { NoReportPeriodError } from './no-report-period-error.ts';
import { readAllManifests, rowCountsByDataset } from '../pipeline/data-quality.ts';
import { defaultPeriod } from '../pipeline/default-period.ts';
import { shanghaiTimestamp } from '../pipeline/shanghai-time.ts';
import { assembleReport } from '../reports/assemble-report.ts';
import { parsePeriod } from '../reports/period.ts';
import { fetchDatasetCoverage, fetchReportInputs } from '../reports/report-queries.ts';
import { reportJsonText } from '../reports/report-schema.ts';

export interface CityReportOptions {
  readonly engine: QueryEngine;
  /** The lake: its manifests give the data-quality counts. */
  readonly lake: ObjectStore;
  /** Where `reports/city=<code>/period=<YYYY-MM>/report.json` is written. */
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
}

export async function buildCityReport(options: CityReportOptions): Promise<WrittenCityReport> {
  const city = cityByCode(options.config, options.cityCode);
  const period = options.period === undefined ? defaultPeriod(await fetchDatasetCoverage(options.engine)) : parsePeriod(options.period);
  if (period === null) throw new NoReportPeriodError();
  const rowCounts = rowCountsByDataset(await readAllManifests(options.lake));
  const generatedAt = shanghaiTimestamp((options.now ?? (() => new Date()))());
  const inputs = await fetchReportInputs(options.engine, { city, period, generatedAt, classificationVersion: null, rowCounts });
  const report = assembleReport(inputs);
  const key = lakeKeys.report(city.code, period, 'report.json');
  await options.out.put(key, reportJsonText(report), { contentType: 'application/json' });
  return { city: city.code, period, key, location: `${options.out.location}/${key}` };
}
