/**
 * Synth takes the linux-arm64 DuckDB binding from node_modules/.lambda-arm64 and refuses a
 * missing one, one of another version than DuckDB's loader, or one built for another CPU — each
 * with the command that fixes it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARM64_BINDING_DIR, findDuckDbBinding } from '../../infra/lambda/duckdb-binding.ts';
import { elfMachineOf } from '../../infra/lambda/elf-machine.ts';
import { PROJECT_ROOT } from './support/synth-ipstats.ts';

const HOST_MACHINE = { x64: 'x86-64', arm64: 'AArch64' }[process.arch as 'x64' | 'arm64'];
const HOST_BINDING = path.join(PROJECT_ROOT, 'node_modules', `@duckdb/node-bindings-${process.platform}-${process.arch}`);

describe('findDuckDbBinding', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  /** A project root with DuckDB's loader at `loaderVersion` and, if given, a binding in the arm64 folder. */
  function projectWith(loaderVersion: string, binding?: { version: string; nodeFile: string; soFile: string }): string {
    const root = mkdtempSync(path.join(tmpdir(), 'ipstats-binding-'));
    roots.push(root);
    const loader = path.join(root, 'node_modules/@duckdb/node-bindings');
    mkdirSync(loader, { recursive: true });
    writeFileSync(path.join(loader, 'package.json'), JSON.stringify({ name: '@duckdb/node-bindings', version: loaderVersion }));
    if (binding !== undefined) {
      const dir = path.join(root, ARM64_BINDING_DIR);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@duckdb/node-bindings-linux-arm64', version: binding.version }));
      copyFileSync(binding.nodeFile, path.join(dir, 'duckdb.node'));
      copyFileSync(binding.soFile, path.join(dir, 'libduckdb.so'));
    }
    return root;
  }

  it('ships DuckDB’s API, its loader and the arm64 binding, renamed to where the loader requires it', () => {
    expect(findDuckDbBinding(PROJECT_ROOT).packages).toEqual([
      { from: 'node_modules/@duckdb/node-api', to: 'node_modules/@duckdb/node-api' },
      { from: 'node_modules/@duckdb/node-bindings', to: 'node_modules/@duckdb/node-bindings' },
      { from: 'node_modules/detect-libc', to: 'node_modules/detect-libc' },
      { from: 'node_modules/.lambda-arm64/@duckdb/node-bindings-linux-arm64', to: 'node_modules/@duckdb/node-bindings-linux-arm64' },
    ]);
    expect(elfMachineOf(path.join(PROJECT_ROOT, ARM64_BINDING_DIR, 'duckdb.node'))).toBe('AArch64');
  });

  it('refuses to synthesise without the arm64 binding', () => {
    const root = projectWith('1.5.6-r.1');
    expect(() => findDuckDbBinding(root)).toThrow(
      `no linux-arm64 DuckDB binding in ${path.join(root, ARM64_BINDING_DIR)} (the Lambda functions run on arm64): run \`npm run fetch-arm64-duckdb-binding\` (npm ci runs it)`,
    );
  });

  it('refuses a binding of another version than the loader', () => {
    const arm64 = path.join(PROJECT_ROOT, ARM64_BINDING_DIR);
    const root = projectWith('1.5.7', { version: '1.5.6-r.1', nodeFile: path.join(arm64, 'duckdb.node'), soFile: path.join(arm64, 'libduckdb.so') });
    expect(() => findDuckDbBinding(root)).toThrow(/is 1\.5\.6-r\.1, @duckdb\/node-bindings is 1\.5\.7: run `npm run fetch-arm64-duckdb-binding`/);
  });

  it.skipIf(HOST_MACHINE === undefined || HOST_MACHINE === 'AArch64')('refuses the host’s x64 binding put in the arm64 folder', () => {
    const root = projectWith('1.5.6-r.1', { version: '1.5.6-r.1', nodeFile: path.join(HOST_BINDING, 'duckdb.node'), soFile: path.join(HOST_BINDING, 'libduckdb.so') });
    expect(() => findDuckDbBinding(root)).toThrow(/duckdb\.node is built for x86-64, not AArch64/);
  });
});

describe('elfMachineOf', () => {
  it.skipIf(HOST_MACHINE === undefined)('names the CPU of the host’s own binding', () => {
    expect(elfMachineOf(path.join(HOST_BINDING, 'duckdb.node'))).toBe(HOST_MACHINE);
    expect(elfMachineOf(process.execPath)).toBe(HOST_MACHINE);
  });

  it('refuses a file that is not ELF', () => {
    const file = path.join(PROJECT_ROOT, 'package.json');
    expect(() => elfMachineOf(file)).toThrow(`${file} is not an ELF file`);
  });
});
