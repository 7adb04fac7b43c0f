/** `ipstats sample`: the same seed gives the same bytes, another seed other data, bad options exit 2. */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';
import { runCli, type CliResult } from '../../e2e/support/run-cli.ts';

const SMALL = ['--cities', '2', '--months', '13', '--rows-scale', '0.02', '--end-period', '2025-06'];

async function fileDigests(dir: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    digests[path.relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return digests;
}

let work: string;
let runs: Record<'a' | 'b' | 'otherSeed' | 'tooFewMonths', CliResult>;

beforeAll(async () => {
  work = await tempDir('cli-sample');
  const [a, b, otherSeed, tooFewMonths] = await Promise.all([
    runCli(['sample', '--out', path.join(work, 'a'), '--seed', '7', ...SMALL]),
    runCli(['sample', '--out', path.join(work, 'b'), '--seed', '7', ...SMALL]),
    runCli(['sample', '--out', path.join(work, 'other-seed'), '--seed', '8', ...SMALL]),
    runCli(['sample', '--out', path.join(work, 'too-few'), '--months', '5']),
  ]);
  runs = { a: a!, b: b!, otherSeed: otherSeed!, tooFewMonths: tooFewMonths! };
});

describe('ipstats sample', () => {
  it('says how many files it wrote and where, and exits 0', () => {
    expect(runs.a.exitCode).toBe(0);
    expect(runs.a.stdout).toMatch(new RegExp(`^wrote \\d+ files \\(\\d+\\.\\d MB\\) to ${path.join(work, 'a')}\\n$`));
  });

  it('writes a city configuration and one folder per dataset', async () => {
    const entries = await readdir(path.join(work, 'a'));
    expect(entries).toContain('cities.json');
    expect(entries).toEqual(expect.arrayContaining(['patent_events', 'trademark_events', 'pledges', 'tech_contracts', 'programme_records', 'gi_products', 'gi_output']));
  });

  it('is deterministic: the same seed and options give byte-identical files', async () => {
    const first = await fileDigests(path.join(work, 'a'));
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(await fileDigests(path.join(work, 'b'))).toEqual(first);
  });

  it('gives other data for another seed', async () => {
    const first = await fileDigests(path.join(work, 'a'));
    const other = await fileDigests(path.join(work, 'other-seed'));
    expect(Object.keys(other).sort()).toEqual(Object.keys(first).sort());
    const differing = Object.keys(first).filter((file) => first[file] !== other[file]);
    expect(differing.filter((file) => file.startsWith('patent_events/'))).toHaveLength(Object.keys(first).filter((file) => file.startsWith('patent_events/')).length);
  });

  it('exits 2 for options out of range, saying what was expected', () => {
    expect(runs.tooFewMonths.exitCode).toBe(2);
    expect(runs.tooFewMonths.stderr).toMatch(/months must be at least 13, so that every month has the same month of the year before/);
  });
});
