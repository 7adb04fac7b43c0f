/**
 * ingestFile with a coverage declaration: a new file's manifest records it (and warns about rows
 * outside it); the same bytes again with another declaration rewrite only the manifest's coverage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoverageDeclarationError } from '../../../etl/coverage/coverage-declaration-error.ts';
import { ingestFile } from '../../../etl/ingest/ingest-file.ts';
import { ManifestSchema } from '../../../etl/ingest/manifest.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

const CLOCK = () => new Date('2025-07-05T02:00:00Z');
const LATER = () => new Date('2025-08-05T02:00:00Z');
const PLEDGES = getDataset('pledges');
const HEADER = '质押登记号,质押物类型,质押件数,登记日,状态,出质人名称,出质人行政区划代码,质权人名称,担保债权数额（万元）';
// Accepted rows in 2024-12, 2025-01, 2025-02 and 2025-04; one rejected row (2025-02-30).
const CSV = [
  HEADER,
  'P-1,专利,1,2024-12-31,设立,甲公司,440305,招商银行,10',
  'P-2,专利,1,2025-01-10,设立,乙公司,440305,招商银行,20',
  'P-3,商标,2,2025-02-10,设立,丙公司,440306,招商银行,30',
  'P-4,专利,1,2025-02-30,设立,丁公司,440306,招商银行,40',
  'P-5,专利,1,2025-04-02,设立,戊公司,440306,招商银行,50',
  '',
].join('\n');
const Q1 = { first: '2025-01', last: '2025-03', declaredIn: '--covers' };
const Q1_WARNING =
  'accepted rows of 2024-12, 2025-04 lie outside the declared coverage 2025-01..2025-03: figures for months outside the declared coverage are not published';

describe('ingestFile with a declared coverage', () => {
  let dir: string;
  let store: LocalObjectStore;
  let file: string;
  let manifestPath: string;

  beforeAll(async () => {
    dir = await tempDir('declared-coverage');
    store = new LocalObjectStore(path.join(dir, 'lake'));
    file = path.join(dir, 'pledges-2025-q1.csv');
    await writeFile(file, CSV);
  });

  it('records the declaration in a new manifest and warns about the months outside it', async () => {
    const result = await ingestFile({ store, dataset: PLEDGES, filePath: file, now: CLOCK, declaredCoverage: Q1 });
    manifestPath = path.join(dir, 'lake', ...result.manifestKey.split('/'));
    expect(result.skipped).toBe(false);
    expect(result.coverageUpdated).toBe(false);
    expect(result.coverageWarning).toBe(Q1_WARNING);
    expect(result.manifest.rows).toEqual({ read: 5, accepted: 4, rejected: 1 });
    expect(result.manifest.periods).toEqual({ first: '2024-12', last: '2025-04' });
    expect(result.manifest.coverage).toEqual({ first: '2025-01', last: '2025-03', declared_in: '--covers' });
    expect(result.manifest.warnings).toEqual([Q1_WARNING]);
    // What is written is what is returned, and the field sits after `periods`.
    const written = await readFile(manifestPath, 'utf8');
    expect(ManifestSchema.parse(JSON.parse(written))).toEqual(result.manifest);
    const keys = Object.keys(JSON.parse(written) as object);
    expect(keys[keys.indexOf('periods') + 1]).toBe('coverage');
  });

  it('the same bytes with the same declaration: nothing is written', async () => {
    const before = await readFile(manifestPath, 'utf8');
    const result = await ingestFile({ store, dataset: PLEDGES, filePath: file, now: LATER, declaredCoverage: Q1 });
    expect([result.skipped, result.coverageUpdated, result.coverageWarning]).toEqual([true, false, null]);
    expect(await readFile(manifestPath, 'utf8')).toBe(before);
  });

  it('the same bytes with another declaration: only coverage and its warning change, no data is rewritten', async () => {
    const before = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    const lakeBefore = await lakeFiles(store);
    const result = await ingestFile({ store, dataset: PLEDGES, filePath: file, now: LATER, declaredCoverage: { first: '2024-12', last: '2025-04', declaredIn: 'pledges/coverage.json' } });
    expect([result.skipped, result.coverageUpdated, result.coverageWarning]).toEqual([true, true, null]);
    const after = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    expect(after['coverage']).toEqual({ first: '2024-12', last: '2025-04', declared_in: 'pledges/coverage.json' });
    expect('warnings' in after).toBe(false);
    const { coverage: _before, warnings: _warnings, ...unchangedBefore } = before;
    const { coverage: _after, ...unchangedAfter } = after;
    expect(unchangedAfter).toEqual(unchangedBefore);
    expect(result.manifest).toEqual(ManifestSchema.parse(after));
    // Every other object of the lake is as it was, byte for byte.
    const lakeAfter = await lakeFiles(store);
    expect([...lakeAfter.keys()]).toEqual([...lakeBefore.keys()]);
    for (const [key, bytes] of lakeBefore) if (!key.startsWith('manifests/')) expect(lakeAfter.get(key)!.equals(bytes), key).toBe(true);
  });

  it('a narrower declaration brings the warning back', async () => {
    const result = await ingestFile({ store, dataset: PLEDGES, filePath: file, now: LATER, declaredCoverage: { first: '2025-01', last: '2025-02', declaredIn: '--covers' } });
    expect(result.coverageUpdated).toBe(true);
    expect(result.coverageWarning).toBe(
      'accepted rows of 2024-12, 2025-04 lie outside the declared coverage 2025-01..2025-02: figures for months outside the declared coverage are not published',
    );
    expect(result.manifest.warnings).toEqual([result.coverageWarning]);
  });

  it('a re-ingest without a declaration keeps the one recorded', async () => {
    const before = await readFile(manifestPath, 'utf8');
    const result = await ingestFile({ store, dataset: PLEDGES, filePath: file, now: LATER });
    expect([result.skipped, result.coverageUpdated, result.coverageWarning]).toEqual([true, false, null]);
    expect(result.manifest.coverage).toEqual({ first: '2025-01', last: '2025-02', declared_in: '--covers' });
    expect(await readFile(manifestPath, 'utf8')).toBe(before);
  });

  it('a file ingested without a declaration gets one later; one inside the coverage has no warning', async () => {
    const other = path.join(dir, 'pledges-2025-01.csv');
    await writeFile(other, [HEADER, 'P-10,专利,1,2025-01-15,设立,己公司,440305,招商银行,10', ''].join('\n'));
    const first = await ingestFile({ store, dataset: PLEDGES, filePath: other, now: CLOCK });
    expect(first.manifest.coverage).toBeUndefined();
    expect(first.manifest.warnings).toBeUndefined();
    const again = await ingestFile({ store, dataset: PLEDGES, filePath: other, now: LATER, declaredCoverage: Q1 });
    expect([again.skipped, again.coverageUpdated, again.coverageWarning]).toEqual([true, true, null]);
    expect(again.manifest.coverage).toEqual({ first: '2025-01', last: '2025-03', declared_in: '--covers' });
    expect(again.manifest.ingested_at).toBe(first.manifest.ingested_at);
  });

  it('a file rejected whole records no declaration: it publishes nothing', async () => {
    const broken = path.join(dir, 'pledges-broken.csv');
    await writeFile(broken, '质押登记号,质押物类型\nP-9,专利\n');
    const result = await ingestFile({ store, dataset: PLEDGES, filePath: broken, now: CLOCK, declaredCoverage: Q1 });
    expect(result.manifest.status).toBe('file_rejected');
    expect(result.manifest.coverage).toBeUndefined();
    expect(result.coverageWarning).toBeNull();
  });

  it('refuses a declaration for a dataset whose coverage cannot be declared, writing nothing', async () => {
    const accounts = path.join(dir, 'accounts.csv');
    await writeFile(accounts, 'uscc,year\n');
    const lake = new LocalObjectStore(path.join(dir, 'lake-accounts'));
    await expect(ingestFile({ store: lake, dataset: getDataset('enterprise_accounts'), filePath: accounts, now: CLOCK, declaredCoverage: Q1 })).rejects.toThrow(
      new CoverageDeclarationError('enterprise_accounts is an annual dataset: its coverage is the years it has accounts for, it cannot be declared'),
    );
    expect(await lake.list('')).toEqual([]);
  });
});

describe('ManifestSchema: coverage', () => {
  it('is optional, and checked when present', async () => {
    const dir = await tempDir('manifest-coverage');
    const store = new LocalObjectStore(path.join(dir, 'lake'));
    const file = path.join(dir, 'p.csv');
    await writeFile(file, CSV);
    const { manifest } = await ingestFile({ store, dataset: PLEDGES, filePath: file, now: CLOCK });
    expect(ManifestSchema.parse(manifest).coverage).toBeUndefined();
    expect(ManifestSchema.safeParse({ ...manifest, coverage: { first: '2025-03', last: '2025-01', declared_in: '--covers' } }).error?.issues.map((issue) => issue.message)).toEqual([
      'coverage.first must not be after coverage.last',
    ]);
    expect(ManifestSchema.safeParse({ ...manifest, coverage: { first: '2019-1', last: '2025-03', declared_in: '--covers' } }).error?.issues.map((issue) => issue.message)).toEqual([
      'expected a month YYYY-MM',
    ]);
  });
});

async function lakeFiles(store: LocalObjectStore): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const { key } of await store.list('')) files.set(key, Buffer.from(await store.get(key)));
  return files;
}
