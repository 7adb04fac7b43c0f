/**
 * Never a blank report (issue 9 §4): a month no source covers, a lake that does not exist, and a
 * query against a missing lake are refused with a message naming what is missing, exit 1, and
 * nothing is written — an existing good report is never overwritten by an empty one.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { E2E_CONFIG, fixtureRunArgs, runCli } from './support/run-cli.ts';

let work: string;
let lake: string;
let out: string;
const reportKey = (period: string) => path.join(out, 'reports', 'city=440300', `period=${period}`, 'report.json');

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  work = await tempDir('e2e-refusals');
  lake = path.join(work, 'lake');
  out = path.join(work, 'out');
  const run = await runCli(fixtureRunArgs(lake, out, '--period', '2025-06'));
  expect(run.exitCode).toBe(0);
});

describe('a report month no source covers', () => {
  it('after the data: refused, naming each source and the latest month that can be reported; nothing written', async () => {
    const before = await readFile(reportKey('2025-06'), 'utf8');
    const result = await runCli(['report', '--city', '440300', '--period', '2025-09', '--lake', lake, '--out', out, '--config', E2E_CONFIG]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'ipstats: failed: no report for 2025-09: it is after the data of the lake: every monthly source ends before it (patent_events ends 2025-06, trademark_events ends 2025-06, pledges ends 2025-06, tech_contracts ends 2025-06, programme_records ends 2025-06, gi_output ends 2025-06); the latest month that can be reported is 2025-06: report it with --period 2025-06, or ingest the sources for 2025-09 first\n',
    );
    expect(await exists(reportKey('2025-09'))).toBe(false);
    expect(await exists(path.join(out, 'index', 'period=2025-09'))).toBe(false);
    expect(await readFile(reportKey('2025-06'), 'utf8')).toBe(before);
  });

  it('before the data: refused the same way', async () => {
    const result = await runCli(['report', '--city', '440300', '--period', '2022-06', '--lake', lake, '--out', out, '--config', E2E_CONFIG]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^ipstats: failed: no report for 2022-06: it is before the data of the lake: every source starts after it \(patent_events starts 2023-01, /);
    expect(await exists(reportKey('2022-06'))).toBe(false);
  });
});

describe('a lake that does not exist', () => {
  it('report: refused, and the lake folder is not created', async () => {
    const missing = path.join(work, 'no-such-lake');
    const result = await runCli(['report', '--city', '440300', '--lake', missing, '--out', path.join(work, 'out-missing'), '--config', E2E_CONFIG]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `ipstats: failed: the lake ${missing} does not exist or holds no ingested data (nothing under manifests/): check --lake, or ingest sources first (ipstats ingest / ipstats run)\n`,
    );
    expect(await exists(missing)).toBe(false);
    expect(await exists(path.join(work, 'out-missing'))).toBe(false);
  });

  it('query: refused, nothing created', async () => {
    const missing = path.join(work, 'no-such-lake-either');
    const result = await runCli(['query', 'select 1 as one', '--lake', missing]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`the lake ${missing} does not exist or holds no ingested data`);
    expect(await exists(missing)).toBe(false);
  });

  it('an empty folder is no lake either', async () => {
    const empty = path.join(work, 'out');
    const result = await runCli(['query', 'select 1 as one', '--lake', path.join(empty, 'reports')]);
    expect(result.exitCode).toBe(1);
    expect(await readdir(path.join(empty, 'reports'))).not.toContain('curated');
  });
});
