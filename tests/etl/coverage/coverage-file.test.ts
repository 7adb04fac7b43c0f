/** coverage.json: its schema, its errors (file, JSON path, value) and what it declares. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCoverageFile, readCoverageFile } from '../../../etl/coverage/coverage-file.ts';
import { ConfigError } from '../../../etl/config/config-error.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

const PLEDGES = getDataset('pledges');
const SOURCE = 'input/pledges/coverage.json';
const FILES = ['pledges-2024.csv', 'pledges-2025-q1.csv'];

const parse = (data: unknown, files: readonly string[] = FILES) => parseCoverageFile(JSON.stringify(data), SOURCE, PLEDGES, files);

describe('parseCoverageFile', () => {
  it('reads the folder range and the ranges of single files; declared_in is <folder name>/coverage.json', () => {
    const coverage = parse({ covers: '2019-01..2025-03', files: { 'pledges-2025-q1.csv': '2025-01..2025-03' } });
    expect(coverage.declaredIn).toBe('pledges/coverage.json');
    expect(coverage.covers).toEqual({ first: '2019-01', last: '2025-03' });
    expect([...coverage.files]).toEqual([['pledges-2025-q1.csv', { first: '2025-01', last: '2025-03' }]]);
  });

  it('both keys are optional', () => {
    const coverage = parse({});
    expect(coverage.covers).toBeNull();
    expect(coverage.files.size).toBe(0);
    expect(parse({ files: { 'pledges-2024.csv': '2024-01..2024-12' } }).covers).toBeNull();
  });

  it('an unknown key, listing the allowed keys', () => {
    expect(() => parse({ covers: '2019-01..2025-03', cover: 'x' })).toThrow(
      new ConfigError(SOURCE, [{ path: '$.cover', problem: 'unknown key "cover"; allowed keys: covers, files', value: 'x' }]),
    );
    expect(() => parse({ covers: '2019-01..2025-03', cover: 'x' })).toThrow('input/pledges/coverage.json: $.cover: unknown key "cover"; allowed keys: covers, files (got "x")');
  });

  it('a malformed range and a FROM after TO, all reported at once', () => {
    expect(() => parse({ covers: '2019-1..2025-03', files: { 'pledges-2024.csv': '2024-12..2024-01' } })).toThrow(
      [
        'input/pledges/coverage.json: $.covers: is not a month range FROM..TO such as 2019-01..2025-03 (got "2019-1..2025-03")',
        'input/pledges/coverage.json: $.files["pledges-2024.csv"]: FROM is after TO (got "2024-12..2024-01")',
      ].join('\n'),
    );
  });

  it('an open range is not a delivery\'s coverage', () => {
    expect(() => parse({ covers: '2019-01..' })).toThrow('input/pledges/coverage.json: $.covers: is not a month range FROM..TO such as 2019-01..2025-03 (got "2019-01..")');
  });

  it('values that are not strings, and a file that is not an object', () => {
    expect(() => parse({ covers: 2019 })).toThrow('input/pledges/coverage.json: $.covers: expected a month range FROM..TO such as 2019-01..2025-03 (got 2019)');
    expect(() => parse({ files: ['pledges-2024.csv'] })).toThrow('input/pledges/coverage.json: $.files: expected an object { "<file name>": "FROM..TO" } (got ["pledges-2024.csv"])');
    expect(() => parse(['2019-01..2025-03'])).toThrow(
      'input/pledges/coverage.json: $: expected an object { "covers": "FROM..TO", "files": { "<file name>": "FROM..TO" } } (got ["2019-01..2025-03"])',
    );
  });

  it('an entry of files naming a file that is not in the folder', () => {
    expect(() => parse({ files: { 'pledges-2026.csv': '2026-01..2026-03' } })).toThrow(
      'input/pledges/coverage.json: $.files["pledges-2026.csv"]: no source file of that name in input/pledges; source files there: pledges-2024.csv, pledges-2025-q1.csv (got "2026-01..2026-03")',
    );
    expect(() => parse({ files: { 'a.csv': '2026-01..2026-03' } }, [])).toThrow(
      'input/pledges/coverage.json: $.files["a.csv"]: no source file of that name in input/pledges; there are none (got "2026-01..2026-03")',
    );
  });

  it('a coverage file in the folder of a dataset whose coverage cannot be declared', () => {
    expect(() => parseCoverageFile('{"covers":"2019-01..2025-03"}', 'input/enterprise_accounts/coverage.json', getDataset('enterprise_accounts'), [])).toThrow(
      'input/enterprise_accounts/coverage.json: $: enterprise_accounts is an annual dataset: its coverage is the years it has accounts for, it cannot be declared',
    );
  });

  it('an empty file and broken JSON', () => {
    expect(() => parseCoverageFile('\n', SOURCE, PLEDGES, FILES)).toThrow('input/pledges/coverage.json: $: the file is empty');
    expect(() => parseCoverageFile('{"covers": ', SOURCE, PLEDGES, FILES)).toThrow(/^input\/pledges\/coverage\.json: \$: not valid JSON: /);
  });
});

describe('readCoverageFile', () => {
  it('reads <folder>/coverage.json; declared_in uses the folder\'s own name', async () => {
    const folder = path.join(await tempDir('coverage-file'), 'pledges');
    await mkdir(folder);
    await writeFile(path.join(folder, 'coverage.json'), '{ "covers": "2023-01..2025-06" }\n');
    const coverage = await readCoverageFile(folder, PLEDGES, []);
    expect(coverage).toEqual({ declaredIn: 'pledges/coverage.json', covers: { first: '2023-01', last: '2025-06' }, files: new Map() });
  });

  it('a coverage file that cannot be read is a ConfigError naming it', async () => {
    const folder = await tempDir('coverage-file-missing');
    const error = await readCoverageFile(folder, PLEDGES, []).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(new RegExp(`^${path.join(folder, 'coverage.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\$: cannot read the coverage file: ENOENT`));
  });
});
