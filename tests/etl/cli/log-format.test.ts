/**
 * `--log-format json`: stderr is JSON lines only (constant messages, details in fields), also
 * when the run fails, and no line carries a value from a data row — names of people and
 * companies are personal or business data (STYLE.md, habit 7).
 */
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';
import { E2E_CONFIG, E2E_INPUT_DIR, fixtureRunArgs, runCli, type CliResult } from '../../e2e/support/run-cli.ts';

const CJK = /[\u3400-\u9fff]/u;

/**
 * Every cell of the fixture's data rows (headers left out) with four or more characters of
 * Chinese text: the names of companies, people, universities and products. Shorter cells are
 * enumeration words (设立, 专利) that a message about a header could legitimately contain.
 */
async function chineseCellsOfDataRows(): Promise<Set<string>> {
  const cells = new Set<string>();
  for (const dataset of await readdir(E2E_INPUT_DIR)) {
    for (const file of await readdir(path.join(E2E_INPUT_DIR, dataset))) {
      const bytes = await readFile(path.join(E2E_INPUT_DIR, dataset, file));
      const text = file.endsWith('-gbk.csv') ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8');
      for (const line of text.split(/\r?\n/).slice(1)) {
        for (const cell of line.split(',')) if (CJK.test(cell) && cell.length >= 4) cells.add(cell.replace(/^"|"$/g, ''));
      }
    }
  }
  return cells;
}

function jsonLines(stderr: string): Record<string, unknown>[] {
  return stderr
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

let succeeded: CliResult;
let failed: CliResult;
let dataCells: Set<string>;

beforeAll(async () => {
  const work = await tempDir('cli-log-json');
  await cp(E2E_INPUT_DIR, path.join(work, 'input-broken'), { recursive: true });
  await writeFile(path.join(work, 'input-broken', 'pledges', '03-missing-columns.csv'), '质押登记号,质押物类型\nP-9,专利\n');
  [succeeded, failed, dataCells] = await Promise.all([
    runCli(['--log-format', 'json', ...fixtureRunArgs(path.join(work, 'lake'), path.join(work, 'out'), '--period', '2025-06')]),
    runCli(['--log-format', 'json', 'run', '--input', path.join(work, 'input-broken'), '--config', E2E_CONFIG, '--lake', path.join(work, 'lake-broken'), '--out', path.join(work, 'out-broken'), '--strict']),
    chineseCellsOfDataRows(),
  ]);
});

describe('--log-format json', () => {
  it('writes one JSON object per stderr line: a constant message, the level, the time and fields', () => {
    expect(succeeded.exitCode).toBe(0);
    const lines = jsonLines(succeeded.stderr);
    expect(lines.map((line) => `${line['level']} ${line['message']}`)).toEqual([...Array(9).fill('info ingested'), 'info no classification in the lake: loaded the default one', 'info building reports']);
    for (const line of lines) expect(line['time']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(lines.find((line) => line['file'] === '01-pledges-2023-2025.csv')).toEqual(
      expect.objectContaining({ dataset: 'pledges', status: 'ingested', read: 15, accepted: 14, rejected: 1 }),
    );
  });

  it('never carries a value of a data row', () => {
    expect(dataCells.size).toBeGreaterThan(40);
    expect(dataCells.has('深圳甲科技有限公司')).toBe(true);
    const leaked = [...dataCells].filter((cell) => succeeded.stderr.includes(cell) || failed.stderr.includes(cell));
    expect(leaked).toEqual([]);
  });

  it('reports a blocked dataset and the --strict stop as JSON lines too, with the exit status and the reason', () => {
    expect(failed.exitCode).toBe(3);
    const lines = jsonLines(failed.stderr);
    expect(lines.find((line) => line['message'] === 'file rejected')).toEqual(
      expect.objectContaining({ level: 'warn', dataset: 'pledges', file: '03-missing-columns.csv', status: 'file_rejected' }),
    );
    const blocked = lines.find((line) => line['message'] === 'dataset blocked')!;
    expect(blocked).toEqual(expect.objectContaining({ level: 'warn', dataset: 'pledges', file: '03-missing-columns.csv', not_ingested: 0 }));
    expect(blocked['error']).toMatch(/^pledges: the header lacks required columns ip_count \(质押件数\)/);
    const last = lines.at(-1)!;
    expect(last).toEqual(expect.objectContaining({ level: 'error', message: 'stopped', exit_status: 3 }));
    expect(last['error']).toBe('--strict: 4 row(s) were rejected; 1 file(s) could not be read and blocked their dataset: pledges/03-missing-columns.csv');
  });
});
