/**
 * Running an arm64 Lambda bundle on this machine: the bundle ships only the linux-arm64 DuckDB
 * binding, which an x64 CPU cannot load. hostDuckDbNodePath makes a folder holding just this
 * host's binding package (a link into node_modules) for NODE_PATH: Node's `require` falls back to
 * it once the bundle's own node_modules has no binding for the host, so the bundle's JavaScript,
 * DuckDB API and loader run unchanged with the host's native code. On a linux-arm64 host the
 * bundle's own binding loads and no folder is needed. What this cannot prove — the arm64 binary
 * itself running — is listed in docs/aws.md.
 */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/** The binding package npm installed for this machine, as @duckdb/node-bindings would require it. */
export function hostDuckDbBindingPackage(): string {
  return `@duckdb/node-bindings-${process.platform}-${process.arch}`;
}

/** A folder for NODE_PATH under `parentDir` (undefined on linux-arm64, where the bundle needs none). */
export function hostDuckDbNodePath(parentDir: string): string | undefined {
  if (process.platform === 'linux' && process.arch === 'arm64') return undefined;
  const name = hostDuckDbBindingPackage();
  const installed = path.join(PROJECT_ROOT, 'node_modules', name);
  if (!existsSync(path.join(installed, 'duckdb.node'))) throw new Error(`no DuckDB binding for this machine in ${installed}: run npm ci`);
  const folder = path.join(parentDir, 'host-duckdb-binding');
  const link = path.join(folder, name);
  if (!existsSync(link)) {
    mkdirSync(path.dirname(link), { recursive: true });
    try {
      symlinkSync(installed, link, 'dir');
    } catch (error) {
      // Two sandboxes starting at once: the other one made it.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return folder;
}
