/**
 * The monthly run's last report step: the month's index.html, index.xlsx and index.json in the
 * reports bucket (`index/period=<YYYY-MM>/`, outside every city's prefix), from the reports now
 * published for every configured city — the same files and ranks the local run writes; then the
 * run's staged assembled reports are removed.
 */
import type { CityConfig } from '../config/city-config.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { publishStaged } from '../reports/delivery/staged-publication.ts';
import { indexFiles } from '../reports/index-page/write-index-page.ts';
import { periodPeers } from '../reports/peers/period-peers.ts';
import type { AssembledCity } from './report-event.ts';

export async function writePeriodIndex(options: {
  readonly out: ObjectStore;
  readonly config: CityConfig;
  /** The cities the run assembled: their month, and the staged copies removed once the index is written. */
  readonly assembled: readonly AssembledCity[];
}): Promise<{ readonly period: string; readonly keys: readonly string[] }> {
  const period = options.assembled[0]!.period;
  const peers = await periodPeers({ store: options.out, period, configured: options.config.cities, runReports: [] });
  const files = await indexFiles({ store: options.out, peers, language: 'zh', pendingFormats: new Map() });
  await publishStaged(options.out, files);
  for (const city of options.assembled) await options.out.delete(city.stagedKey);
  return { period, keys: files.map((file) => file.key) };
}
