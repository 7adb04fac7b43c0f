/**
 * The SQL views of sql/: one view per file, file name = view name, in three layers.
 * The catalog is engine-neutral (it only reads files and orders them) so that the same order
 * creates the views in DuckDB locally and in Athena.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { QueryEngine } from './query-engine.ts';
import { significantTokens, tokenizeSql } from './sql-lexer.ts';
import { sqlIdentifier } from './sql-literals.ts';

export const VIEW_LAYERS = ['staging', 'intermediate', 'marts'] as const;
export type ViewLayer = (typeof VIEW_LAYERS)[number];

export interface ViewDefinition {
  readonly name: string;
  readonly layer: ViewLayer;
  /** Path of the .sql file, for messages. */
  readonly file: string;
  /** The file's text: header comment and one SELECT query, trailing semicolon removed. */
  readonly query: string;
  /** Other views of the catalog this one reads, sorted. */
  readonly dependsOn: readonly string[];
}

/** Every view under `<sqlDir>/{staging,intermediate,marts}/*.sql`, ordered so that dependencies come first. */
export async function loadViewCatalog(sqlDir: string): Promise<ViewDefinition[]> {
  const files: { name: string; layer: ViewLayer; file: string; text: string }[] = [];
  for (const layer of VIEW_LAYERS) {
    const layerDir = path.join(sqlDir, layer);
    for (const fileName of await sqlFilesIn(layerDir)) {
      const file = path.join(layerDir, fileName);
      files.push({ name: path.basename(fileName, '.sql'), layer, file, text: await readFile(file, 'utf8') });
    }
  }
  assertUniqueNames(files);
  const names = new Set(files.map((f) => f.name));
  const views = files.map(({ name, layer, file, text }) => ({
    name,
    layer,
    file,
    query: withoutTrailingSemicolon(text),
    dependsOn: referencedViews(text, name, names),
  }));
  return orderViews(views);
}

export interface CreateViewsOptions {
  /**
   * Layers created as tables instead of views (dbt's "table" materialisation): a local run that
   * reads the marts once per city computes them once instead. Athena keeps every layer a view.
   * @default none
   */
  readonly materialize?: readonly ViewLayer[];
}

/** Creates every view (or table, see `materialize`), dependencies first. Returns them in the order created. */
export async function createViews(engine: QueryEngine, sqlDir: string, options: CreateViewsOptions = {}): Promise<ViewDefinition[]> {
  const views = await loadViewCatalog(sqlDir);
  const materialize = new Set(options.materialize ?? []);
  for (const view of views) {
    try {
      await engine.execute(materialize.has(view.layer) ? createTableSql(view) : createViewSql(view));
    } catch (error) {
      throw new Error(`cannot create view ${view.name} from ${view.file}: ${(error as Error).message}`, { cause: error });
    }
  }
  return views;
}

export function createViewSql(view: Pick<ViewDefinition, 'name' | 'query'>): string {
  // The query goes on its own line so that a header comment cannot swallow the AS.
  return `CREATE OR REPLACE VIEW ${sqlIdentifier(view.name)} AS\n${view.query}\n`;
}

export function createTableSql(view: Pick<ViewDefinition, 'name' | 'query'>): string {
  return `CREATE OR REPLACE TABLE ${sqlIdentifier(view.name)} AS\n${view.query}\n`;
}

/**
 * Topological order (Kahn), ties broken by layer then name so the order is deterministic.
 * A cycle is an error that names the views in it, in dependency order.
 */
export function orderViews(views: readonly ViewDefinition[]): ViewDefinition[] {
  const byName = new Map(views.map((v) => [v.name, v]));
  const remaining = new Map(views.map((v) => [v.name, new Set(v.dependsOn.filter((d) => byName.has(d)))]));
  const ordered: ViewDefinition[] = [];
  const rank = (v: ViewDefinition): string => `${VIEW_LAYERS.indexOf(v.layer)}:${v.name}`;
  while (remaining.size > 0) {
    const ready = [...remaining]
      .filter(([, deps]) => deps.size === 0)
      .map(([name]) => byName.get(name) as ViewDefinition)
      .sort((a, b) => (rank(a) < rank(b) ? -1 : 1));
    if (ready.length === 0) throw new Error(`views depend on each other in a cycle: ${describeCycle(remaining).join(' → ')}`);
    for (const view of ready) {
      ordered.push(view);
      remaining.delete(view.name);
      for (const deps of remaining.values()) deps.delete(view.name);
    }
  }
  return ordered;
}

/** Follows dependencies from any blocked view until a name repeats: that loop is the cycle. */
function describeCycle(remaining: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const start = [...remaining.keys()].sort()[0] as string;
  const path: string[] = [start];
  for (;;) {
    const current = path[path.length - 1] as string;
    const next = [...(remaining.get(current) ?? [])].sort()[0] as string;
    const seenAt = path.indexOf(next);
    if (seenAt !== -1) return [...path.slice(seenAt), next];
    path.push(next);
  }
}

/** View names used as words in the query (string literals and comments do not count). */
function referencedViews(text: string, self: string, names: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const token of significantTokens(tokenizeSql(text))) {
    const word = token.kind === 'word' ? token.text.toLowerCase() : undefined;
    if (word !== undefined && word !== self && names.has(word)) found.add(word);
  }
  return [...found].sort();
}

async function sqlFilesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`cannot list SQL views in ${dir}: ${(error as Error).message}`, { cause: error });
  }
}

function assertUniqueNames(files: readonly { name: string; file: string }[]): void {
  const seen = new Map<string, string>();
  for (const { name, file } of files) {
    const other = seen.get(name);
    if (other !== undefined) throw new Error(`view ${name} is defined twice: ${other} and ${file}`);
    try {
      sqlIdentifier(name);
    } catch (error) {
      throw new Error(`view file ${file}: ${(error as Error).message}`, { cause: error });
    }
    seen.set(name, file);
  }
}

/** One query per file; a trailing `;` (and anything after it that is only comments) is dropped. */
function withoutTrailingSemicolon(text: string): string {
  const tokens = tokenizeSql(text);
  const significant = significantTokens(tokens);
  const last = significant[significant.length - 1];
  if (last === undefined || last.text !== ';') return text.trimEnd();
  return text.slice(0, last.offset).trimEnd();
}
