/**
 * The local stand-in for SNS: `ipstats report --deliver` writes each city's notification as a
 * JSON file under `outbox/period=<YYYY-MM>/city=<code>.json` (what SNS would get) and as plain
 * text beside it (`.txt`, what a person reads) instead of sending it.
 */
import type { ObjectStore } from '../../lake/object-store.ts';
import type { CityNotification } from './city-notification.ts';

export const outboxKey = (period: string, cityCode: string) => `outbox/period=${period}/city=${cityCode}.json`;

export async function writeOutbox(store: ObjectStore, notifications: readonly CityNotification[]): Promise<string[]> {
  const keys: string[] = [];
  for (const notification of notifications) {
    const key = outboxKey(notification.period, notification.cityCode);
    await store.put(key, `${JSON.stringify(notification, null, 2)}\n`, { contentType: 'application/json' });
    await store.put(key.replace(/\.json$/, '.txt'), `${notification.subject}\n\n${notification.message}\n`, { contentType: 'text/plain; charset=utf-8' });
    keys.push(key);
  }
  return keys;
}
