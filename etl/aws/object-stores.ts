/**
 * Object stores by location, created once per location and reused across invocations of a warm
 * Lambda (clients at module scope, per Powertools habits): each S3ObjectStore holds its client.
 */
import type { ObjectStore } from '../lake/object-store.ts';
import { openObjectStore } from '../lake/open-object-store.ts';

export type StoreOpener = (url: string) => ObjectStore;

export function cachedStoreOpener(env: NodeJS.ProcessEnv = process.env): StoreOpener {
  const stores = new Map<string, ObjectStore>();
  return (url) => {
    let store = stores.get(url);
    if (store === undefined) {
      store = openObjectStore(url, env);
      stores.set(url, store);
    }
    return store;
  };
}
