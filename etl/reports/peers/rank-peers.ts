/**
 * Ranks the configured cities of a month on each indicator's headline figure (peer-headlines.ts):
 * higher is better for all twelve; standard competition ranking (1, 2, 2, 4); a city whose figure
 * is null is not ranked (rank null, with the figure's null reason) and `of` counts only the ranked
 * cities. Figures are report.json numbers rounded to the fen or the unit; distinct such values
 * are distinct doubles in the same order, so comparing the numbers is exact.
 */
import { INDICATOR_IDS, type IndicatorId } from '../indicators.ts';
import { rankValueField, type PeerHeadlines } from './peer-headlines.ts';
import { PeerRanksSchema, type PeerRank, type PeerRanks } from './peer-ranks-schema.ts';

export interface RankPeersInput {
  /** The report month, 'YYYY-MM' (names the annual year compared). */
  readonly period: string;
  /** The headline figures of every configured city with a report for the month. */
  readonly peers: readonly PeerHeadlines[];
  /** Configured cities with no report for the month. */
  readonly missing?: readonly string[];
}

/** Every compared city's `peer_ranks`, by city code (validated). */
export function rankPeers({ period, peers, missing = [] }: RankPeersInput): Map<string, PeerRanks> {
  const cities = peers.map((peer) => peer.city).sort();
  const duplicate = cities.find((code, index) => cities[index + 1] === code);
  if (duplicate !== undefined) throw new Error(`city ${duplicate} is listed twice among the cities ranked for ${period}`);
  const missingSorted = [...missing].sort();
  const both = missingSorted.find((code) => cities.includes(code));
  if (both !== undefined) throw new Error(`city ${both} is both ranked and missing for ${period}`);
  const ranks = new Map<string, PeerRanks>();
  for (const peer of peers) {
    const byIndicator = Object.fromEntries(INDICATOR_IDS.map((id) => [id, rankOf(peer, peers, id, period)])) as Record<IndicatorId, PeerRank>;
    ranks.set(peer.city, PeerRanksSchema.parse({ cities, missing: missingSorted, by_indicator: byIndicator }));
  }
  return ranks;
}

function rankOf(peer: PeerHeadlines, peers: readonly PeerHeadlines[], id: IndicatorId, period: string): PeerRank {
  const valueField = rankValueField(id, period);
  const ranked = peers.flatMap((one) => (one.figures[id].value === null ? [] : [one.figures[id].value]));
  const own = peer.figures[id];
  if (own.value === null) return { rank: null, of: ranked.length, value_field: valueField, null_reason: own.null_reason };
  const ownValue = own.value;
  return { rank: 1 + ranked.filter((value) => value > ownValue).length, of: ranked.length, value_field: valueField };
}
