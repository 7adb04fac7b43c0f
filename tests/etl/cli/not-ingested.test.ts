/**
 * Every file of the input that is not ingested is named with its reason, on stdout and in the
 * log, by `run` and by `ingest`; `--strict` makes any of them exit 3 (the reports still written).
 */
import { cp, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';
import { E2E_CONFIG, E2E_INPUT_DIR, runCli, type CliResult } from '../../e2e/support/run-cli.ts';

let work: string;
let input: string;
let runJson: CliResult;
let runPlain: CliResult;
let ingestText: CliResult;

const README_REASON = 'not a source file: only .csv, .tsv, .txt files are read';
const linkReason = () => `a link to ${path.join(work, 'elsewhere.csv')}, outside ${input}: links are followed only when they stay inside the input folder`;

beforeAll(async () => {
  work = await tempDir('cli-not-ingested');
  input = path.join(work, 'input');
  await cp(E2E_INPUT_DIR, input, { recursive: true });
  await writeFile(path.join(input, 'pledges', 'README.md'), 'notes\n');
  await writeFile(path.join(work, 'elsewhere.csv'), 'x\n');
  await symlink(path.join(work, 'elsewhere.csv'), path.join(input, 'pledges', '03-linked.csv'));
  const runArgs = (name: string, ...extra: string[]) => ['run', '--input', input, '--config', E2E_CONFIG, '--lake', path.join(work, `lake-${name}`), '--out', path.join(work, `out-${name}`), '--period', '2025-06', ...extra];
  [runJson, runPlain, ingestText] = await Promise.all([
    runCli(['--log-format', 'json', ...runArgs('json', '--strict')]),
    runCli(runArgs('plain')),
    runCli(['ingest', 'pledges', path.join(input, 'pledges'), '--lake', path.join(work, 'lake-ingest'), '--strict']),
  ]);
});

describe('files of the input not ingested', () => {
  it('run lists them on stdout with their reasons, and exits 0 without --strict', () => {
    expect(runPlain.exitCode).toBe(0);
    expect(runPlain.stdout).toContain(
      'not ingested: 2 file(s) or folder(s) of the input\n' +
        `  ${path.join(input, 'pledges', '03-linked.csv')}: ${linkReason()}\n` +
        `  ${path.join(input, 'pledges', 'README.md')}: ${README_REASON}\n\n`,
    );
    expect(runPlain.stderr).toBe(
      `warning: input file not ingested file=${path.join(input, 'pledges', '03-linked.csv')} code=link_outside_input reason=${linkReason()}\n` +
        `warning: input file not ingested file=${path.join(input, 'pledges', 'README.md')} code=not_a_source_file reason=${README_REASON}\n`,
    );
  });

  it('run --strict logs each as a JSON warning and exits 3 after writing the reports', () => {
    expect(runJson.exitCode).toBe(3);
    const lines = runJson.stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line['message'] === 'input file not ingested').map(({ time: _time, ...line }) => line)).toEqual([
      { level: 'warn', message: 'input file not ingested', file: path.join(input, 'pledges', '03-linked.csv'), code: 'link_outside_input', reason: linkReason() },
      { level: 'warn', message: 'input file not ingested', file: path.join(input, 'pledges', 'README.md'), code: 'not_a_source_file', reason: README_REASON },
    ]);
    expect(lines.at(-1)).toEqual(
      expect.objectContaining({ level: 'error', message: 'stopped', exit_status: 3, error: '--strict: 4 row(s) were rejected and 2 file(s) or folder(s) of the input were not ingested' }),
    );
    expect(existsSync(path.join(work, 'out-json', 'reports', 'city=440300', 'period=2025-06', 'report.json'))).toBe(true);
  });

  it('ingest lists them in its table and --strict exits 3 for them', () => {
    expect(ingestText.exitCode).toBe(3);
    const lines = ingestText.stdout.split('\n');
    expect(lines.find((line) => line.startsWith(path.join(input, 'pledges', 'README.md')))?.split(/\s{2,}/)).toEqual([
      path.join(input, 'pledges', 'README.md'),
      `not ingested: ${README_REASON}`,
    ]);
    expect(lines.some((line) => line.startsWith(`${path.join(input, 'pledges', '03-linked.csv')}  `) && line.includes(`not ingested: a link to ${path.join(work, 'elsewhere.csv')}, outside ${path.join(input, 'pledges')}`))).toBe(true);
    expect(ingestText.stderr.split('\n').at(-2)).toBe('ipstats: --strict: 1 row(s) were rejected and 2 file(s) or folder(s) of the input were not ingested');
  });
});
