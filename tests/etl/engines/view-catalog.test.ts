import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../etl/engines/duckdb-engine.ts';
import { createViews, createViewSql, loadViewCatalog, orderViews, type ViewDefinition } from '../../../etl/engines/view-catalog.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function sqlFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ipstats-views-'));
  dirs.push(dir);
  for (const [relative, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), text);
  }
  return dir;
}

const view = (name: string, dependsOn: string[], layer: ViewDefinition['layer'] = 'intermediate'): ViewDefinition => ({
  name,
  layer,
  file: `${layer}/${name}.sql`,
  query: 'select 1',
  dependsOn,
});

describe('loadViewCatalog', () => {
  it('finds dependencies by name and orders them first, ignoring names in strings and comments', async () => {
    const dir = await sqlFolder({
      'marts/mart_a.sql': '-- Grain: one row. Reads int_b (this comment is not a dependency on stg_c).\nselect * from int_b;\n',
      'intermediate/int_b.sql': "-- Grain: one row.\nselect x, 'mart_a' as label from stg_c\n",
      'intermediate/int_d.sql': '-- Grain: one row.\nselect x from STG_C join int_b using (x)',
      'staging/stg_c.sql': '-- Grain: one row.\nselect 1 as x',
      'staging/notes.txt': 'not a view',
    });
    const views = await loadViewCatalog(dir);
    expect(views.map((v) => [v.name, v.layer, v.dependsOn])).toEqual([
      ['stg_c', 'staging', []],
      ['int_b', 'intermediate', ['stg_c']],
      ['int_d', 'intermediate', ['int_b', 'stg_c']],
      ['mart_a', 'marts', ['int_b']],
    ]);
    expect(views[3]?.query).toBe('-- Grain: one row. Reads int_b (this comment is not a dependency on stg_c).\nselect * from int_b');
  });

  it('returns an empty catalog when there is no sql folder', async () => {
    expect(await loadViewCatalog(path.join(tmpdir(), 'ipstats-no-such-sql-folder'))).toEqual([]);
  });

  it('refuses a view defined in two layers', async () => {
    const dir = await sqlFolder({ 'staging/stg_x.sql': 'select 1', 'marts/stg_x.sql': 'select 2' });
    await expect(loadViewCatalog(dir)).rejects.toThrow(/view stg_x is defined twice: .*staging\/stg_x\.sql and .*marts\/stg_x\.sql/);
  });

  it('refuses a file name that is not a plain view name', async () => {
    const dir = await sqlFolder({ 'staging/Stg-X.sql': 'select 1' });
    await expect(loadViewCatalog(dir)).rejects.toThrow(/view file .*Stg-X\.sql: not a plain SQL name: "Stg-X"/);
  });
});

describe('orderViews', () => {
  it('orders independent views by layer then name', () => {
    const ordered = orderViews([view('mart_z', [], 'marts'), view('int_b', []), view('int_a', []), view('stg_q', [], 'staging')]);
    expect(ordered.map((v) => v.name)).toEqual(['stg_q', 'int_a', 'int_b', 'mart_z']);
  });

  it('names the views of a cycle', () => {
    expect(() => orderViews([view('int_a', ['int_b']), view('int_b', ['int_c']), view('int_c', ['int_a']), view('stg_ok', [], 'staging')])).toThrow(
      'views depend on each other in a cycle: int_a → int_b → int_c → int_a',
    );
  });

  it('names a view that reads itself through another', () => {
    expect(() => orderViews([view('int_x', ['int_y']), view('int_y', ['int_x']), view('int_w', ['int_x'])])).toThrow(
      /cycle: int_x → int_y → int_x$/,
    );
  });
});

describe('createViews', () => {
  it('creates every view in order on DuckDB, a header comment and a trailing semicolon included', async () => {
    const dir = await sqlFolder({
      'marts/mart_total.sql': '-- Grain: one row.\nselect sum(x) as total from stg_numbers;',
      'staging/stg_numbers.sql': '-- Grain: one row per x.\nselect range as x from range(4) -- trailing comment',
    });
    const engine = createDuckDbEngine({ threads: 1 });
    try {
      const created = await createViews(engine, dir);
      expect(created.map((v) => v.name)).toEqual(['stg_numbers', 'mart_total']);
      expect((await engine.query('select total from mart_total')).rows).toEqual([{ total: 6 }]);
    } finally {
      await engine.close();
    }
  });

  it('names the view and its file when DuckDB rejects it', async () => {
    const dir = await sqlFolder({ 'staging/stg_broken.sql': 'select missing_column from range(1)' });
    const engine = createDuckDbEngine({ threads: 1 });
    try {
      await expect(createViews(engine, dir)).rejects.toThrow(
        /cannot create view stg_broken from .*staging\/stg_broken\.sql: query duckdb-\d+ failed: Binder Error: Referenced column "missing_column" not found/,
      );
    } finally {
      await engine.close();
    }
  });

  it('writes the DDL with the query on its own line', () => {
    expect(createViewSql({ name: 'stg_a', query: '-- Grain: one row.\nselect 1' })).toBe('CREATE OR REPLACE VIEW stg_a AS\n-- Grain: one row.\nselect 1\n');
  });
});

describe('createViews with materialize', () => {
  it('creates the chosen layers as tables and the rest as views', async () => {
    const sqlDir = await mkdtemp(path.join(tmpdir(), 'ipstats-materialize-'));
    dirs.push(sqlDir);
    for (const layer of ['staging', 'intermediate', 'marts']) await mkdir(path.join(sqlDir, layer));
    await writeFile(path.join(sqlDir, 'staging', 'stg_numbers.sql'), '-- Grain: one row per n.\nselect 1 as n union all select 2 as n\n');
    await writeFile(path.join(sqlDir, 'marts', 'mart_total.sql'), '-- Grain: one row.\nselect sum(n) as total from stg_numbers\n');
    const engine = createDuckDbEngine();
    try {
      await createViews(engine, sqlDir, { materialize: ['marts'] });
      const { rows } = await engine.query("select table_name, table_type from information_schema.tables where table_name in ('stg_numbers', 'mart_total') order by table_name");
      expect(rows).toEqual([
        { table_name: 'mart_total', table_type: 'BASE TABLE' },
        { table_name: 'stg_numbers', table_type: 'VIEW' },
      ]);
      expect((await engine.query('select cast(total as integer) as total from mart_total')).rows).toEqual([{ total: 3 }]);
    } finally {
      await engine.close();
    }
  });
});
