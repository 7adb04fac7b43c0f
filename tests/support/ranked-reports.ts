/**
 * Reports assembled by the real assembleReport, ranked among each other by the real rankPeers
 * (what buildReports does for a run of exactly these cities), for tests that need a whole Report.
 */
import { headlinesOf } from '../../etl/reports/peers/peer-headlines.ts';
import { rankPeers } from '../../etl/reports/peers/rank-peers.ts';
import type { PeerReport, PeriodPeers } from '../../etl/reports/peers/period-peers.ts';
import { withPeerRanks, type Report, type UnrankedReport } from '../../etl/reports/report-schema.ts';

export function rankedReports(reports: readonly UnrankedReport[], missing: readonly string[] = []): Report[] {
  const period = reports[0]?.period;
  if (period === undefined) throw new Error('rankedReports needs at least one report');
  const ranks = rankPeers({ period, peers: reports.map(headlinesOf), missing });
  return reports.map((report) => withPeerRanks(report, ranks.get(report.city.code)!));
}

/** One city's report ranked alone (rank 1 of 1 wherever it has a figure). */
export function rankedAlone(report: UnrankedReport): Report {
  return rankedReports([report])[0]!;
}

/** A month's peers as periodPeers gives them, from reports in memory (null: a configured city without a report). */
export function periodPeersOf(period: string, cities: readonly { readonly code: string; readonly name: string; readonly report: PeerReport | null }[]): PeriodPeers {
  const sorted = [...cities].sort((a, b) => a.code.localeCompare(b.code));
  const ranks = rankPeers({
    period,
    peers: sorted.flatMap((city) => (city.report === null ? [] : [headlinesOf(city.report)])),
    missing: sorted.filter((city) => city.report === null).map((city) => city.code),
  });
  return { period, cities: sorted, ranks };
}
