/** `ipstats query "SQL" --format table|csv|json` on a lake filled from the hand-computed fixture. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';
import { fixtureRunArgs, runCli, runCliWithClosedStdout, type CliResult } from '../../e2e/support/run-cli.ts';

// 深圳's pledge amounts per month (tests/fixtures/e2e/EXPECTED.md): P-2506 counts its corrected 600 万.
const PLEDGES_SQL =
  "select month, value from mart_city_indicator_monthly where city_code = '440300' and indicator_id = 'pledge_amount_cny' and month >= date '2024-08-01' order by month";

let lake: string;
const byFormat: Record<string, CliResult> = {};
let badSql: CliResult;
let athena: CliResult;
let closedPipe: Omit<CliResult, 'stdout'>;
let formulas: CliResult;

// Text a spreadsheet would run as a formula, beside a DECIMAL, an INTEGER and a VARCHAR that are plain negative numbers.
const FORMULAS_SQL =
  "select '=HYPERLINK(\"http://x.example\")' as link, '+cmd|'' /C calc''!A0' as plus, '@SUM(1)' as at, '-2+3' as minus, " +
  "chr(9) || '=1' as tab, chr(13) || '=1' as cr, cast(-5 as decimal(18,2)) as amount, -5 as n, '-5' as text_number";

beforeAll(async () => {
  const work = await tempDir('cli-query');
  lake = path.join(work, 'lake');
  const run = await runCli(fixtureRunArgs(lake, path.join(work, 'out'), '--period', '2025-06'));
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  const [table, csv, json, bad, onAthena, pipeClosed, formulaCsv] = await Promise.all([
    runCli(['query', PLEDGES_SQL, '--lake', lake, '--format', 'table']),
    runCli(['query', PLEDGES_SQL, '--lake', lake, '--format', 'csv']),
    runCli(['query', PLEDGES_SQL, '--lake', lake, '--format', 'json']),
    runCli(['query', 'select no_such_column from mart_city_indicator_monthly', '--lake', lake]),
    runCli(['query', 'select 1', '--engine', 'athena', '--lake', lake]),
    runCliWithClosedStdout(['query', 'select * from range(100000)', '--lake', lake, '--format', 'csv']),
    runCli(['query', FORMULAS_SQL, '--lake', lake, '--format', 'csv']),
  ]);
  formulas = formulaCsv!;
  Object.assign(byFormat, { table, csv, json });
  badSql = bad!;
  athena = onAthena!;
  closedPipe = pipeClosed!;
});

describe('ipstats query', () => {
  it('--format table: aligned columns (numbers to the right) and a row count', () => {
    expect(byFormat['table']!.exitCode).toBe(0);
    expect(byFormat['table']!.stdout).toBe(
      [
        'month            value',
        '----------  ----------',
        '2024-08-01  2500000.00',
        '2024-11-01  1500000.00',
        '2025-02-01  3000000.00',
        '2025-06-01  6000000.00',
        '(4 rows)',
        '',
      ].join('\n'),
    );
  });

  it('--format csv: a header and one line per row, decimals exact', () => {
    expect(byFormat['csv']!.exitCode).toBe(0);
    expect(byFormat['csv']!.stdout).toBe('month,value\n2024-08-01,2500000.00\n2024-11-01,1500000.00\n2025-02-01,3000000.00\n2025-06-01,6000000.00\n');
  });

  it('--format csv: text a spreadsheet would read as a formula starts with a single quote; numbers do not', () => {
    expect(formulas.exitCode).toBe(0);
    expect(formulas.stdout).toBe(
      'link,plus,at,minus,tab,cr,amount,n,text_number\n' +
        '"\'=HYPERLINK(""http://x.example"")",\'+cmd|\' /C calc\'!A0,\'@SUM(1),\'-2+3,\'\t=1,"\'\r=1",-5.00,-5,-5\n',
    );
  });

  it('--format json: an array of objects, decimals as exact strings', () => {
    expect(byFormat['json']!.exitCode).toBe(0);
    expect(JSON.parse(byFormat['json']!.stdout)).toEqual([
      { month: '2024-08-01', value: '2500000.00' },
      { month: '2024-11-01', value: '1500000.00' },
      { month: '2025-02-01', value: '3000000.00' },
      { month: '2025-06-01', value: '6000000.00' },
    ]);
  });

  it('exits 1 with the engine message for SQL that does not bind', () => {
    expect(badSql.exitCode).toBe(1);
    expect(badSql.stderr).toMatch(/^ipstats: failed: .*Referenced column "no_such_column" not found/);
  });

  it("exits 2 for --engine athena without the deployment's workgroup and database", () => {
    expect(athena.exitCode).toBe(2);
    expect(athena.stderr).toBe(
      'ipstats: --engine athena needs --athena-workgroup (or IPSTATS_ATHENA_WORKGROUP) and --athena-database (or IPSTATS_ATHENA_DATABASE): the deployment\'s workgroup and Glue database\n',
    );
  });

  it('exits 0 without a stack trace when the reader closes the pipe early (`… | head`)', () => {
    expect(closedPipe.stderr).toBe('');
    expect(closedPipe.exitCode).toBe(0);
  });
});
