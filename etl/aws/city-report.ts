/**
 * One city's report for one month through any QueryEngine (Athena in the `report` Lambda):
 * the same steps as the local run's buildReports (etl/reports/report-run.ts) — facts of the lake,
 * the month checked, report inputs from the marts, assembleReport, report.json/html/xlsx
 * rendered and published (earlier versions kept) — for the one
 * city a Map iteration handles. Nothing here imports DuckDB.
 */
import { cityByCode, type CityConfig } from '../config/city-config.ts';
import type { QueryEngine } from '../engines/query-engine.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { shanghaiTimestamp } from '../pipeline/shanghai-time.ts';
import { publishReportFiles } from '../reports/delivery/published-reports.ts';
import { renderReportFiles, type ReportFile } from '../reports/delivery/report-files.ts';
import { REPORT_FORMATS } from '../reports/format/report-format.ts';
import { nationalMixFor, readNationalBulletinRows } from '../reports/html/national-mix.ts';
import { assembleCityReport, startReportRun } from '../reports/report-run.ts';
import { withPeerRanks, type Report } from '../reports/report-schema.ts';
import { periodPeers } from '../reports/peers/period-peers.ts';

export interface CityReportOptions {
  readonly engine: QueryEngine;
  /** The lake: its manifests give the data-quality counts. */
  readonly lake: ObjectStore;
  /** Where `reports/city=<code>/period=<YYYY-MM>/report.{json,html,xlsx}` are written. */
  readonly out: ObjectStore;
  readonly config: CityConfig;
  readonly cityCode: string;
  /** 'YYYY-MM'; by default the latest month every flow source covers. */
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
  const generatedAt = shanghaiTimestamp((options.now ?? (() => new Date()))());
  // Refuses (ReportPeriodError) before anything is written, so the state machine's error path sees it.
  const run = await startReportRun({ engine: options.engine, lake: options.lake, cities: [city], period: options.period, generatedAt });
  const { period } = run;
  const unranked = await assembleCityReport(options.engine, options.out, run, city);
  // Ranked among this report and the reports of the month already published for the other
  // configured cities (the overlay of `ipstats report --city`; docs/aws.md "Ranks").
  const peers = await periodPeers({ store: options.out, period, configured: options.config.cities, runReports: [unranked] });
  const report = withPeerRanks(unranked, peers.ranks.get(city.code)!);
  // Every format, in Chinese, as the local run's defaults write them.
  const nationalMix = nationalMixFor(report.patent_intensive.year, readNationalBulletinRows());
  const rendered = await renderReportFiles(report, { formats: REPORT_FORMATS, language: 'zh', nationalMix });
  await publishReportFiles(options.out, report, rendered);
  const key = rendered[0]!.key;
  return { city: city.code, period, key, location: `${options.out.location}/${key}`, files: rendered.map(({ format, key: fileKey }) => ({ format, key: fileKey })), report };
}
