/**
 * Every view in sql/ is portable by construction: it parses with the Trino grammar, calls only
 * Trino functions, uses no DuckDB-only syntax, states its grain, and runs on DuckDB over an empty
 * lake. Files are found at run time, so a new view is covered without touching this test.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkViewPortability, formatProblem } from '../../etl/engines/sql-portability.ts';
import { loadTrinoFunctionList } from '../../etl/engines/trino-function-list.ts';
import { loadViewCatalog, VIEW_LAYERS, type ViewDefinition } from '../../etl/engines/view-catalog.ts';
import { PROJECT_SQL_DIR, sqlFixture, type SqlFixture } from '../support/sql-fixture.ts';

const sqlFiles = (await readdir(PROJECT_SQL_DIR, { recursive: true }))
  .filter((file) => file.endsWith('.sql'))
  .map((file) => file.split(path.sep).join('/'))
  .sort();

describe('sql/ views', () => {
  it('exist, each in a layer folder', () => {
    expect(sqlFiles.length).toBeGreaterThan(0);
    const outsideLayers = sqlFiles.filter((file) => !VIEW_LAYERS.some((layer) => new RegExp(`^${layer}/[^/]+\\.sql$`).test(file)));
    expect(outsideLayers).toEqual([]);
  });

  describe.each(sqlFiles)('sql/%s', (file) => {
    it('is Trino syntax with Trino functions only and no DuckDB-only constructs', async () => {
      const text = await readFile(path.join(PROJECT_SQL_DIR, file), 'utf8');
      const problems = checkViewPortability(`sql/${file}`, text, await loadTrinoFunctionList());
      expect(problems.map(formatProblem)).toEqual([]);
    });
  });

  describe('on DuckDB over an empty lake', () => {
    let db: SqlFixture;
    let views: ViewDefinition[] = [];

    beforeAll(async () => {
      db = await sqlFixture();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('creates every view, dependencies first', async () => {
      views = await db.createViews();
      expect(views.map((v) => `${v.layer}/${v.name}.sql`).sort()).toEqual(sqlFiles);
    });

    it('runs every view and returns no rows', async () => {
      expect(views.length).toBe(sqlFiles.length);
      const counts: Record<string, number> = {};
      for (const view of views) {
        const result = await db.rows<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${view.name}`);
        counts[view.name] = result[0]?.n ?? -1;
      }
      expect(counts).toEqual(Object.fromEntries(views.map((v) => [v.name, 0])));
    });
  });
});

// The catalog must see exactly the files this test checks (no view silently skipped).
it('the view catalog loads every file under sql/', async () => {
  const catalog = await loadViewCatalog(PROJECT_SQL_DIR);
  expect(catalog.map((v) => `${v.layer}/${v.name}.sql`).sort()).toEqual(sqlFiles);
});
