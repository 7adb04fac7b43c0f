/** A DuckDB engine over the lake with every source table (manifests included) registered and every view of sql/ created. */
import { fileURLToPath } from 'node:url';
import { createDuckDbEngine } from '../engines/duckdb-engine.ts';
import { registerLakeSources } from '../engines/lake-sources.ts';
import { registerManifestsSource } from '../engines/manifests-source.ts';
import { CITY_CONFIG_TABLE, lakeTableFor } from '../engines/lake-tables.ts';
import type { QueryEngine } from '../engines/query-engine.ts';
import { createViews } from '../engines/view-catalog.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { DATASETS } from '../schemas/index.ts';
import { localLakeDirs } from './curated-dir.ts';

/** The project's SQL views, shipped beside the code. */
export const SQL_DIR = fileURLToPath(new URL('../../sql', import.meta.url));

export interface OpenLakeEngineOptions {
  /**
   * Compute intermediate and mart views once, as tables, when the engine opens: right for a run
   * that reads them for many cities, wasteful for a single ad-hoc query. @default false
   */
  readonly materialize?: boolean;
}

export async function openLakeEngine(store: ObjectStore, cacheDir: string, options: OpenLakeEngineOptions = {}): Promise<QueryEngine> {
  const { curatedDir, manifestsDir } = await localLakeDirs(store, cacheDir);
  const engine = createDuckDbEngine();
  try {
    await registerLakeSources(engine, { curatedDir, tables: [...Object.values(DATASETS).map(lakeTableFor), CITY_CONFIG_TABLE] });
    // The commit record the staging views filter by (docs/lake.md "The commit rule").
    await registerManifestsSource(engine, { manifestsDir });
    await createViews(engine, SQL_DIR, { materialize: options.materialize ? ['intermediate', 'marts'] : [] });
    return engine;
  } catch (error) {
    await engine.close();
    throw error;
  }
}
