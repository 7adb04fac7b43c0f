/** `ipstats ingest DATASET PATH…` as an operator runs it: counts per file, where the rejects are, re-runs. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';
import { E2E_INPUT_DIR, runCli, type CliResult } from '../../e2e/support/run-cli.ts';

const REJECTS_KEY = /^rejects\/pledges\/ingest_date=\d{4}-\d{2}-\d{2}\/[0-9a-f]{64}\.jsonl$/;

/** The rows of the table `ingest` prints, as cells (columns are separated by two or more spaces). */
function tableRows(stdout: string): string[][] {
  const lines = stdout.trimEnd().split('\n');
  const separator = lines.findIndex((line) => /^-+(\s+-+)+$/.test(line));
  return lines.slice(separator + 1).filter((line) => !line.startsWith('lake: ')).map((line) => line.split(/\s{2,}/));
}

let work: string;
let first: CliResult;
let again: CliResult;
let wholeFileRejected: CliResult;

beforeAll(async () => {
  work = await tempDir('cli-ingest');
  const lake = path.join(work, 'lake');
  await writeFile(path.join(work, 'pledges-missing-columns.csv'), '质押登记号,质押物类型\nP-9,专利\n');
  first = await runCli(['ingest', 'pledges', path.join(E2E_INPUT_DIR, 'pledges'), '--lake', lake]);
  [again, wholeFileRejected] = await Promise.all([
    runCli(['ingest', 'pledges', path.join(E2E_INPUT_DIR, 'pledges', '01-pledges-2023-2025.csv'), '--lake', lake, '--strict']),
    runCli(['ingest', 'pledges', path.join(work, 'pledges-missing-columns.csv'), '--lake', path.join(work, 'lake-other')]),
  ]);
});

describe('ipstats ingest', () => {
  it('prints read / accepted / rejected per file, the rejects key and the lake, and exits 0', () => {
    expect(first.exitCode).toBe(0);
    const rows = tableRows(first.stdout);
    expect(rows.map((row) => row.slice(0, 5))).toEqual([
      ['01-pledges-2023-2025.csv', 'ingested', '15', '14', '1'],
      ['02-pledges-2025-06-correction.csv', 'ingested', '1', '1', '0'],
    ]);
    expect(rows[0]![5]).toMatch(REJECTS_KEY);
    expect(rows[1]).toHaveLength(5);
    expect(first.stdout).toContain(`lake: ${path.join(work, 'lake')}\n`);
  });

  it('writes the rejected row, with its record number, raw values and reasons, where it says', async () => {
    const rejectsKey = tableRows(first.stdout)[0]![5]!;
    const lines = (await readFile(path.join(work, 'lake', ...rejectsKey.split('/')), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const reject = JSON.parse(lines[0]!) as { row: number; raw: Record<string, string>; reasons: { column: string; rule: string; value: string }[] };
    expect(reject.row).toBe(12);
    expect(reject.raw['质押登记号']).toBe('P-BAD1');
    expect(reject.reasons.map((reason) => [reason.column, reason.rule, reason.value])).toEqual([['registration_date', 'date_invalid', '2025-02-30']]);
  });

  it('says "already ingested" for the same bytes, and --strict still exits 3 for their rejected row', () => {
    expect(tableRows(again.stdout).map((row) => row.slice(0, 5))).toEqual([['01-pledges-2023-2025.csv', 'already ingested', '15', '14', '1']]);
    expect(again.exitCode).toBe(3);
    expect(again.stderr).toBe('ipstats: --strict: 1 row(s) were rejected\n');
  });

  it('exits 1 for a file rejected whole, naming the missing columns', () => {
    expect(wholeFileRejected.exitCode).toBe(1);
    expect(tableRows(wholeFileRejected.stdout)[0]!.slice(0, 2)).toEqual([
      'pledges-missing-columns.csv',
      'REJECTED: pledges: the header lacks required columns ip_count (质押件数), registration_date (登记日), status (状态), pledgor_name (出质人名称), pledgor_city_code (出质人行政区划代码), pledgee_name (质权人名称), secured_amount_cny (担保债权数额)',
    ]);
    expect(wholeFileRejected.stderr).toMatch(/^ipstats: failed: 1 file\(s\) rejected whole: pledges-missing-columns\.csv: pledges: the header lacks required columns ip_count/);
  });
});
