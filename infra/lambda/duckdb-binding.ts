/**
 * Where a Lambda that writes Parquet gets DuckDB's native module. The bundle cannot contain it
 * (esbuild does not bundle `.node` files), so synth copies DuckDB's packages beside it, with the
 * linux-arm64 binding: every function runs on Graviton. npm installs only the host's binding
 * (its os/cpu check skips the others, and `--cpu`/`--os` switch every package, not one), so
 * `npm ci` runs scripts/fetch-arm64-duckdb-binding.ts (postinstall): it fetches the binding's
 * tarball with `npm pack` at the version package-lock.json pins, checks it against the
 * lockfile's integrity and unpacks it into ARM64_BINDING_DIR — a dot-folder of node_modules,
 * which later `npm install`s leave alone (they remove a package npm itself skipped). Synth reads
 * it from there and refuses to go on without it, or with another version or CPU.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { elfMachineOf } from './elf-machine.ts';

export const ARM64_BINDING_PACKAGE = '@duckdb/node-bindings-linux-arm64';
/** Relative to the project root. */
export const ARM64_BINDING_DIR = `node_modules/.lambda-arm64/${ARM64_BINDING_PACKAGE}`;
export const FETCH_ARM64_BINDING_COMMAND = 'npm run fetch-arm64-duckdb-binding';

export interface PackageCopy {
  /** Folder to copy, relative to the project root. */
  readonly from: string;
  /** Where it goes in the bundle, relative to the bundle's root. */
  readonly to: string;
}

export interface DuckDbBinding {
  /** Packages to copy beside the bundle: DuckDB's API, its loader and the arm64 binding. */
  readonly packages: readonly PackageCopy[];
}

export function findDuckDbBinding(projectRoot: string): DuckDbBinding {
  const loaderVersion = versionOf(projectRoot, 'node_modules/@duckdb/node-bindings');
  const bindingDir = path.join(projectRoot, ARM64_BINDING_DIR);
  const nodeFile = path.join(bindingDir, 'duckdb.node');
  if (!existsSync(nodeFile)) {
    throw new Error(`no linux-arm64 DuckDB binding in ${bindingDir} (the Lambda functions run on arm64): run \`${FETCH_ARM64_BINDING_COMMAND}\` (npm ci runs it)`);
  }
  const bindingVersion = versionOf(projectRoot, ARM64_BINDING_DIR);
  if (bindingVersion !== loaderVersion) {
    throw new Error(`the linux-arm64 DuckDB binding in ${bindingDir} is ${bindingVersion}, @duckdb/node-bindings is ${loaderVersion}: run \`${FETCH_ARM64_BINDING_COMMAND}\``);
  }
  for (const file of ['duckdb.node', 'libduckdb.so']) {
    const machine = elfMachineOf(path.join(bindingDir, file));
    if (machine !== 'AArch64') throw new Error(`${path.join(bindingDir, file)} is built for ${machine}, not AArch64: run \`${FETCH_ARM64_BINDING_COMMAND}\``);
  }
  const same = (name: string): PackageCopy => ({ from: `node_modules/${name}`, to: `node_modules/${name}` });
  return {
    packages: [same('@duckdb/node-api'), same('@duckdb/node-bindings'), same('detect-libc'), { from: ARM64_BINDING_DIR, to: `node_modules/${ARM64_BINDING_PACKAGE}` }],
  };
}

function versionOf(projectRoot: string, packageDir: string): string {
  const file = path.join(projectRoot, packageDir, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
