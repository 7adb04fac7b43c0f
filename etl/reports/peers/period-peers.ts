/**
 * The reports a month's ranks and index compare: for every configured city, this run's report if
 * the run made one, else the report.json the output store already publishes for the month, else
 * none (the city is listed as missing). A local run of every city compares only its own reports;
 * `ipstats report --city X` compares X's new report with the others' published ones — the same
 * overlay the index is built from, so a report's ranks and the index agree.
 */
import { lakeKeys } from '../../lake/lake-keys.ts';
import type { ObjectStore } from '../../lake/object-store.ts';
import { REPORT_FILE_NAMES } from '../format/report-format.ts';
import { validatePublishedReport, type PublishedFullReport, type UnrankedReport } from '../report-schema.ts';
import { headlinesOf } from './peer-headlines.ts';
import type { PeerRanks } from './peer-ranks-schema.ts';
import { rankPeers } from './rank-peers.ts';

/** A report compared: this run's (not yet published) or a published one. */
export type PeerReport = UnrankedReport | PublishedFullReport;

export interface PeriodPeers {
  readonly period: string;
  /** The configured cities, by code: each with its report for the month, or null when it has none. */
  readonly cities: readonly { readonly code: string; readonly name: string; readonly report: PeerReport | null }[];
  /** The ranks of every city with a report, by city code. */
  readonly ranks: ReadonlyMap<string, PeerRanks>;
}

export interface PeriodPeersOptions {
  readonly store: ObjectStore;
  readonly period: string;
  /** Every configured city (code and name). */
  readonly configured: readonly { readonly code: string; readonly name: string }[];
  /** The reports of this run, in place of the published ones of their cities. */
  readonly runReports: readonly UnrankedReport[];
}

export async function periodPeers({ store, period, configured, runReports }: PeriodPeersOptions): Promise<PeriodPeers> {
  const fromRun = new Map(runReports.map((report) => [report.city.code, report]));
  for (const report of runReports) {
    if (report.period !== period) throw new Error(`the report of city ${report.city.code} is for ${report.period}, not ${period}`);
    if (!configured.some((city) => city.code === report.city.code)) throw new Error(`city ${report.city.code} has a report but is not configured`);
  }
  const cities = await Promise.all(
    [...configured]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(async (city) => ({ code: city.code, name: city.name, report: fromRun.get(city.code) ?? (await publishedReport(store, city.code, period)) })),
  );
  const ranks = rankPeers({
    period,
    peers: cities.flatMap((city) => (city.report === null ? [] : [headlinesOf(city.report)])),
    missing: cities.filter((city) => city.report === null).map((city) => city.code),
  });
  return { period, cities, ranks };
}

async function publishedReport(store: ObjectStore, cityCode: string, period: string): Promise<PublishedFullReport | null> {
  const key = lakeKeys.report(cityCode, period, REPORT_FILE_NAMES.json);
  if (!(await store.exists(key))) return null;
  try {
    return validatePublishedReport(JSON.parse(await store.getText(key)));
  } catch (error) {
    throw new Error(`cannot compare ${key} in ${store.location} with the other cities of ${period}: it is not a valid report.json`, { cause: error });
  }
}
