/**
 * One city's report for one month through any QueryEngine (Athena in the `report` Lambda): the
 * same steps as the local run's buildReports (etl/reports/report-run.ts) — facts of the lake, the
 * month checked, report inputs from the marts, assembleReport, ranks, report.json/html/xlsx
 * rendered and published (earlier versions kept). Nothing here imports DuckDB.
 *
 * Ranks need every city's figures, so the monthly run works in two passes (docs/aws.md "Ranks"):
 * `assembleStagedCityReport` (Map 1) stages each city's assembled report.json and returns its
 * headline figures; `publishStagedCityReport` (Map 2) ranks it among every city's headlines,
 * renders and publishes it; the index step then removes the staged copies. `buildCityReport` (one invocation by hand)
 * ranks one city against the reports of the month already published for the others.
 */
import { cityByCode, type CityConfig, type ConfiguredCity } from '../config/city-config.ts';
import type { QueryEngine } from '../engines/query-engine.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { shanghaiTimestamp } from '../pipeline/shanghai-time.ts';
import { publishReportFiles } from '../reports/delivery/published-reports.ts';
import { renderReportFiles, type ReportFile } from '../reports/delivery/report-files.ts';
import { STAGING_PREFIX } from '../reports/delivery/staged-publication.ts';
import { REPORT_FORMATS } from '../reports/format/report-format.ts';
import { nationalMixFor, readNationalBulletinRows } from '../reports/html/national-mix.ts';
import { headlinesOf } from '../reports/peers/peer-headlines.ts';
import type { PeerRanks } from '../reports/peers/peer-ranks-schema.ts';
import { periodPeers } from '../reports/peers/period-peers.ts';
import { rankPeers } from '../reports/peers/rank-peers.ts';
import { assembleCityReport, startReportRun } from '../reports/report-run.ts';
import { validateUnrankedReport, withPeerRanks, type Report, type UnrankedReport } from '../reports/report-schema.ts';
import type { AssembledCity } from './report-event.ts';

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
  /** Every report file written, report.json first; report.schema.json, published beside them, is not a format and is not listed. */
  readonly files: readonly Pick<ReportFile, 'format' | 'key'>[];
}

/** Where the monthly run keeps a city's assembled report between its two passes: inside the staging prefix no city can read. */
export const assembledReportKey = (runId: string, cityCode: string) => `${STAGING_PREFIX}run-${runId}/city=${cityCode}/report.json`;

async function assembleOne(options: CityReportOptions): Promise<{ city: ConfiguredCity; report: UnrankedReport }> {
  const city = cityByCode(options.config, options.cityCode);
  const generatedAt = shanghaiTimestamp((options.now ?? (() => new Date()))());
  // Refuses (ReportPeriodError) before anything is written, so the state machine's error path sees it.
  const run = await startReportRun({ engine: options.engine, lake: options.lake, cities: [city], period: options.period, generatedAt });
  return { city, report: await assembleCityReport(options.engine, options.out, run, city) };
}

async function renderAndPublish(out: ObjectStore, unranked: UnrankedReport, ranks: PeerRanks): Promise<WrittenCityReport & { readonly report: Report }> {
  const report = withPeerRanks(unranked, ranks);
  // Every format, in Chinese, as the local run's defaults write them.
  const nationalMix = nationalMixFor(report.patent_intensive.year, readNationalBulletinRows());
  const rendered = await renderReportFiles(report, { formats: REPORT_FORMATS, language: 'zh', nationalMix });
  await publishReportFiles(out, report, rendered);
  const key = rendered[0]!.key;
  return { city: report.city.code, period: report.period, key, location: `${out.location}/${key}`, files: rendered.map(({ format, key: fileKey }) => ({ format, key: fileKey })), report };
}

/** One invocation by hand: ranked among this report and the month's published reports of the other configured cities. */
export async function buildCityReport(options: CityReportOptions): Promise<WrittenCityReport & { readonly report: Report }> {
  const { city, report } = await assembleOne(options);
  const peers = await periodPeers({ store: options.out, period: report.period, configured: options.config.cities, runReports: [report] });
  return renderAndPublish(options.out, report, peers.ranks.get(city.code)!);
}

/** Monthly run, pass 1: the city's report.json assembled and staged; its headline figures returned for everyone's ranks. */
export async function assembleStagedCityReport(options: CityReportOptions & { readonly runId: string }): Promise<AssembledCity> {
  const { city, report } = await assembleOne(options);
  const stagedKey = assembledReportKey(options.runId, city.code);
  await options.out.put(stagedKey, `${JSON.stringify(report)}\n`, { contentType: 'application/json' });
  return { city: city.code, period: report.period, stagedKey, headlines: headlinesOf(report).figures };
}

/** Monthly run, pass 2: the staged report ranked among every assembled city, rendered and published (idempotent). */
export async function publishStagedCityReport(options: {
  readonly out: ObjectStore;
  readonly config: CityConfig;
  readonly cityCode: string;
  readonly peers: readonly AssembledCity[];
}): Promise<WrittenCityReport & { readonly report: Report }> {
  const own = options.peers.find((peer) => peer.city === options.cityCode);
  if (own === undefined) throw new Error(`city ${options.cityCode} is not among the cities assembled by the run (${options.peers.map((peer) => peer.city).join(', ')})`);
  const otherMonth = options.peers.filter((peer) => peer.period !== own.period);
  if (otherMonth.length > 0) {
    throw new Error(`the cities of one run must report one month: ${own.period} for ${own.city}, but ${otherMonth.map((peer) => `${peer.period} for ${peer.city}`).join(', ')}`);
  }
  let unranked: UnrankedReport;
  try {
    unranked = validateUnrankedReport(JSON.parse(await options.out.getText(own.stagedKey)));
  } catch (error) {
    throw new Error(`cannot read the assembled report of city ${own.city} at ${own.stagedKey} in ${options.out.location}`, { cause: error });
  }
  const compared = new Set(options.peers.map((peer) => peer.city));
  const ranks = rankPeers({
    period: own.period,
    peers: options.peers.map((peer) => ({ city: peer.city, figures: peer.headlines })),
    missing: options.config.cities.map((city) => city.code).filter((code) => !compared.has(code)),
  });
  // The staged copy stays until the index step: a retry of this step (the delivery failed) reads it again.
  return renderAndPublish(options.out, unranked, ranks.get(own.city)!);
}
