/**
 * Puts the linux-arm64 DuckDB binding where synth takes it from (infra/lambda/duckdb-binding.ts:
 * ARM64_BINDING_DIR), whatever CPU this machine has. Run by `npm ci` / `npm install` (postinstall)
 * and by `npm run fetch-arm64-duckdb-binding`.
 *
 * The version and integrity are package-lock.json's (the lockfile records every platform's
 * binding, npm installs only the host's); the tarball comes from the configured npm registry
 * through `npm pack` (npm's cache, proxy and certificates apply), its SHA-512 must equal the
 * lockfile's, and the unpacked duckdb.node must be an AArch64 ELF file. A binding already in
 * place with the lockfile's integrity is kept without any download.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARM64_BINDING_DIR, ARM64_BINDING_PACKAGE } from '../infra/lambda/duckdb-binding.ts';
import { elfMachineOf } from '../infra/lambda/elf-machine.ts';

/** Beside the unpacked package: the lockfile integrity it was checked against. */
export const INTEGRITY_MARKER = '.lockfile-integrity';

export interface LockedPackage {
  readonly version: string;
  readonly integrity: string;
}

export interface FetchOptions {
  readonly projectRoot: string;
  /** @default `<projectRoot>/package-lock.json` */
  readonly lockfile?: string;
  /** @default `<projectRoot>/${ARM64_BINDING_DIR}` */
  readonly targetDir?: string;
}

export type FetchOutcome = 'present' | 'fetched';

export function lockedPackage(lockfile: string, name: string): LockedPackage {
  const lock = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages?: Record<string, { version?: string; integrity?: string }> };
  const entry = lock.packages?.[`node_modules/${name}`];
  if (entry?.version === undefined || entry.integrity === undefined) {
    throw new Error(`${lockfile} has no version and integrity for ${name} (expected as an optional dependency of @duckdb/node-bindings)`);
  }
  return { version: entry.version, integrity: entry.integrity };
}

export function fetchArm64DuckDbBinding(options: FetchOptions): FetchOutcome {
  const lockfile = options.lockfile ?? path.join(options.projectRoot, 'package-lock.json');
  const targetDir = options.targetDir ?? path.join(options.projectRoot, ARM64_BINDING_DIR);
  const locked = lockedPackage(lockfile, ARM64_BINDING_PACKAGE);
  const marker = path.join(targetDir, INTEGRITY_MARKER);
  if (existsSync(path.join(targetDir, 'duckdb.node')) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === locked.integrity) return 'present';

  mkdirSync(path.dirname(targetDir), { recursive: true });
  // Beside the target, so the finished folder is moved in with one rename.
  const staging = mkdtempSync(path.join(path.dirname(targetDir), '.fetch-'));
  try {
    const tarball = packTarball(`${ARM64_BINDING_PACKAGE}@${locked.version}`, staging);
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (integrity !== locked.integrity) {
      throw new Error(`${ARM64_BINDING_PACKAGE}@${locked.version} from the registry has integrity ${integrity}, package-lock.json says ${locked.integrity}: not installed`);
    }
    const unpacked = path.join(staging, 'package');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], { stdio: 'inherit' });
    const manifest = JSON.parse(readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as { name: string; version: string };
    if (manifest.name !== ARM64_BINDING_PACKAGE || manifest.version !== locked.version) {
      throw new Error(`the tarball holds ${manifest.name}@${manifest.version}, not ${ARM64_BINDING_PACKAGE}@${locked.version}`);
    }
    const machine = elfMachineOf(path.join(unpacked, 'duckdb.node'));
    if (machine !== 'AArch64') throw new Error(`${ARM64_BINDING_PACKAGE}@${locked.version}: duckdb.node is built for ${machine}, not AArch64`);
    writeFileSync(path.join(unpacked, INTEGRITY_MARKER), `${locked.integrity}\n`);
    rmSync(targetDir, { recursive: true, force: true });
    renameSync(unpacked, targetDir);
    return 'fetched';
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** `npm pack <spec>` into `dir`: the registry's tarball, byte for byte. */
function packTarball(spec: string, dir: string): string {
  // Inside an npm lifecycle script npm_execpath is the npm that runs it.
  const npmCli = process.env['npm_execpath'];
  const [command, args] = npmCli !== undefined && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
  execFileSync(command, [...args, 'pack', spec, '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarballs = readdirSync(dir).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack ${spec} left ${tarballs.length} tarballs in ${dir}`);
  return path.join(dir, tarballs[0]!);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const projectRoot = path.resolve(import.meta.dirname, '..');
  const outcome = fetchArm64DuckDbBinding({ projectRoot });
  console.log(`${ARM64_BINDING_PACKAGE}: ${outcome === 'present' ? 'already in' : 'fetched into'} ${ARM64_BINDING_DIR}`);
}
