/**
 * An ObjectStore that dies where an interrupted ingestion dies: after the raw copy, the curated
 * Parquet and the rejects are written, when the manifest (written last) is about to be. While
 * `armed`, every put under manifests/ rejects with "simulated crash before the manifest"; all
 * else passes through to the real store (`localPath` included, so DuckDB still reads in place).
 */
import type { ObjectStore } from '../../etl/lake/object-store.ts';

export interface CrashingStore {
  readonly store: ObjectStore;
  armed: boolean;
}

export function crashBeforeManifest(inner: ObjectStore): CrashingStore {
  const control: CrashingStore = {
    armed: true,
    store: new Proxy(inner, {
      get(target, property, receiver) {
        if (property === 'put') {
          return async (key: string, ...rest: Parameters<ObjectStore['put']> extends [string, ...infer R] ? R : never) => {
            if (control.armed && key.startsWith('manifests/')) throw new Error(`simulated crash before the manifest ${key}`);
            return target.put(key, ...rest);
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    }),
  };
  return control;
}
