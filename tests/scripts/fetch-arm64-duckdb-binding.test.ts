/**
 * scripts/fetch-arm64-duckdb-binding.ts (npm ci's postinstall): the binding package-lock.json
 * pins, fetched with `npm pack` from the npm registry (npm's cache makes repeats local), kept only
 * if its SHA-512 is the lockfile's, unpacked with an integrity marker; an up-to-date folder is
 * left as it is.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARM64_BINDING_PACKAGE } from '../../infra/lambda/duckdb-binding.ts';
import { elfMachineOf } from '../../infra/lambda/elf-machine.ts';
import { fetchArm64DuckDbBinding, INTEGRITY_MARKER, lockedPackage } from '../../scripts/fetch-arm64-duckdb-binding.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const LOCKFILE = path.join(PROJECT_ROOT, 'package-lock.json');

describe('fetchArm64DuckDbBinding', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ipstats-fetch-binding-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const locked = lockedPackage(LOCKFILE, ARM64_BINDING_PACKAGE);

  it('pins the same version as DuckDB’s API', () => {
    expect(locked.version).toBe(lockedPackage(LOCKFILE, '@duckdb/node-api').version);
    expect(locked.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });

  it('fetches the locked tarball into the folder, then leaves it as it is', () => {
    const targetDir = path.join(dir, 'fresh', ARM64_BINDING_PACKAGE);
    expect(fetchArm64DuckDbBinding({ projectRoot: PROJECT_ROOT, targetDir })).toBe('fetched');
    expect(JSON.parse(readFileSync(path.join(targetDir, 'package.json'), 'utf8'))).toMatchObject({ name: ARM64_BINDING_PACKAGE, version: locked.version });
    expect(elfMachineOf(path.join(targetDir, 'duckdb.node'))).toBe('AArch64');
    expect(elfMachineOf(path.join(targetDir, 'libduckdb.so'))).toBe('AArch64');
    expect(readFileSync(path.join(targetDir, INTEGRITY_MARKER), 'utf8')).toBe(`${locked.integrity}\n`);
    expect(fetchArm64DuckDbBinding({ projectRoot: PROJECT_ROOT, targetDir })).toBe('present');
  }, 120_000);

  it('refuses a tarball whose SHA-512 is not the lockfile’s, and installs nothing', () => {
    const lock = JSON.parse(readFileSync(LOCKFILE, 'utf8')) as { packages: Record<string, { integrity: string }> };
    const wrong = `sha512-${'A'.repeat(86)}==`;
    lock.packages[`node_modules/${ARM64_BINDING_PACKAGE}`]!.integrity = wrong;
    const lockfile = path.join(dir, 'tampered-lock.json');
    writeFileSync(lockfile, JSON.stringify(lock));
    const targetDir = path.join(dir, 'tampered', ARM64_BINDING_PACKAGE);
    expect(() => fetchArm64DuckDbBinding({ projectRoot: PROJECT_ROOT, lockfile, targetDir })).toThrow(
      `${ARM64_BINDING_PACKAGE}@${locked.version} from the registry has integrity ${locked.integrity}, package-lock.json says ${wrong}: not installed`,
    );
    expect(existsSync(targetDir)).toBe(false);
  }, 120_000);

  it('names the package a lockfile lacks', () => {
    const lockfile = path.join(dir, 'empty-lock.json');
    writeFileSync(lockfile, JSON.stringify({ packages: {} }));
    expect(() => lockedPackage(lockfile, ARM64_BINDING_PACKAGE)).toThrow(`${lockfile} has no version and integrity for ${ARM64_BINDING_PACKAGE}`);
  });
});
