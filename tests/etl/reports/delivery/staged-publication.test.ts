/**
 * A set of reports is published all or nothing: a full disk (ENOSPC at the object-store seam)
 * at any write leaves the published files as they were, no half set and no staging behind, in a
 * local folder (renames) and in a store without local paths (S3: PUTs, put back on failure).
 */
import { readdir } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { DiskFullError } from '../../../../etl/lake/disk-full.ts';
import { LocalObjectStore } from '../../../../etl/lake/local-object-store.ts';
import type { ObjectStore } from '../../../../etl/lake/object-store.ts';
import { publishReportSet, type CityReportFiles } from '../../../../etl/reports/delivery/published-reports.ts';
import { renderReportFiles } from '../../../../etl/reports/delivery/report-files.ts';
import { LEFTOVER_STAGING_MS, publishStaged, STAGING_PREFIX } from '../../../../etl/reports/delivery/staged-publication.ts';
import { indexFiles } from '../../../../etl/reports/index-page/write-index-page.ts';
import { periodPeers } from '../../../../etl/reports/peers/period-peers.ts';
import type { Report } from '../../../../etl/reports/report-schema.ts';
import { diskFullStore } from '../../../support/disk-full-store.ts';
import { tempDir } from '../../../support/temp-dir.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

const SHENZHEN = FIXTURE_REPORT;
const SHANGHAI: Report = { ...FIXTURE_REPORT, city: { ...FIXTURE_REPORT.city, code: '310000', name: '上海市' } };

/** The same reports with other figures, made later. */
function revised(report: Report): Report {
  return { ...report, generated_at: '2025-08-05T02:00:00+08:00', indicators: { ...report.indicators, pledge_amount_cny: { ...report.indicators.pledge_amount_cny, month: 12345 } } };
}

async function publishAll(out: ObjectStore, reports: readonly Report[]): Promise<void> {
  const sets: CityReportFiles[] = [];
  for (const report of reports) sets.push({ report, files: await renderReportFiles(report, { formats: ['json', 'html', 'xlsx'], language: 'zh', nationalMix: null }) });
  const configured = reports.map((report) => report.city);
  const peers = await periodPeers({ store: out, period: SHENZHEN.period, configured, runReports: reports });
  const index = await indexFiles({ store: out, peers, language: 'zh', pendingFormats: new Map(reports.map((report) => [report.city.code, ['json', 'html', 'xlsx'] as const])) });
  await publishReportSet(out, sets, index);
}

/** Every object's bytes, by key. */
async function contents(store: ObjectStore): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for (const { key } of await store.list('')) all.set(key, Buffer.from(await store.get(key)).toString('base64'));
  return all;
}

const withoutVersions = (all: Map<string, string>) => new Map([...all].filter(([key]) => !key.includes('/versions/')));

let root: string;
let local: LocalObjectStore;

beforeEach(async () => {
  root = await tempDir('staged-publication');
  local = new LocalObjectStore(root);
  await publishAll(local, [SHENZHEN, SHANGHAI]);
});

describe.each([
  ['a local folder (renames), the disk staying full', true],
  ['a store without local paths, as S3 (PUTs), one PUT failing', false],
])('publishing to %s', (_name, renames) => {
  it('a failed write at any point leaves the published set as it was, and no staging', async () => {
    const before = await contents(local);
    expect([...before.keys()]).toEqual([
      'index/period=2025-06/index.html',
      'index/period=2025-06/index.json',
      'index/period=2025-06/index.xlsx',
      'reports/city=310000/period=2025-06/report.html',
      'reports/city=310000/period=2025-06/report.json',
      'reports/city=310000/period=2025-06/report.schema.json',
      'reports/city=310000/period=2025-06/report.xlsx',
      'reports/city=440300/period=2025-06/report.html',
      'reports/city=440300/period=2025-06/report.json',
      'reports/city=440300/period=2025-06/report.schema.json',
      'reports/city=440300/period=2025-06/report.xlsx',
    ]);
    // 11 staged files (6 report files, 2 report.schema.json, index.html/.xlsx/.json), 8 copies to versions/, and (S3) 11 replacing PUTs: fail at each in turn.
    const writes = renames ? 19 : 30;
    for (let failAt = 1; failAt <= writes; failAt++) {
      const out = diskFullStore(local, { put: failAt, local: renames, once: !renames });
      const failure = await publishAll(out, [revised(SHENZHEN), revised(SHANGHAI)]).catch((error: unknown) => error);
      expect(failure, `failing at put ${failAt}`).toBeInstanceOf(DiskFullError);
      expect((failure as Error).message).toBe(`the disk holding ${root} is full: free space and run again; nothing was published`);
      expect(((failure as Error).cause as Error).message).toBe('ENOSPC: no space left on device, write');
      expect(withoutVersions(await contents(local)), `failing at put ${failAt}`).toEqual(before);
      expect(await local.list(STAGING_PREFIX)).toEqual([]);
      // A local staging folder goes whole; S3 has no folders (the local store under the wrapper keeps empty ones).
      if (renames) expect(await readdir(root)).toEqual(['index', 'reports']);
    }
    // With space again: the whole new set, the replaced reports kept under versions/.
    const out = diskFullStore(local, { local: renames });
    await publishAll(out, [revised(SHENZHEN), revised(SHANGHAI)]);
    expect(out.puts).toBe(writes);
    const after = await contents(local);
    expect(JSON.parse(Buffer.from(after.get('reports/city=440300/period=2025-06/report.json')!, 'base64').toString()).indicators.pledge_amount_cny.month).toBe(12345);
    expect([...after.keys()].filter((key) => key.includes('/versions/'))).toEqual([
      'reports/city=310000/period=2025-06/versions/20250704T180000Z/report.html',
      'reports/city=310000/period=2025-06/versions/20250704T180000Z/report.json',
      'reports/city=310000/period=2025-06/versions/20250704T180000Z/report.schema.json',
      'reports/city=310000/period=2025-06/versions/20250704T180000Z/report.xlsx',
      'reports/city=440300/period=2025-06/versions/20250704T180000Z/report.html',
      'reports/city=440300/period=2025-06/versions/20250704T180000Z/report.json',
      'reports/city=440300/period=2025-06/versions/20250704T180000Z/report.schema.json',
      'reports/city=440300/period=2025-06/versions/20250704T180000Z/report.xlsx',
    ]);
    expect(after.get('reports/city=440300/period=2025-06/versions/20250704T180000Z/report.json')).toBe(before.get('reports/city=440300/period=2025-06/report.json'));
    expect(await local.list(STAGING_PREFIX)).toEqual([]);
  });
});

describe('staged publication', () => {
  it('says which published files it could not put back when restoring fails too', async () => {
    // The 21st PUT (11 staged, 8 versions, then the second replacing one) fails and so does every write after it: the first cannot be put back.
    const out = diskFullStore(local, { put: 21, local: false });
    const failure = (await publishAll(out, [revised(SHENZHEN), revised(SHANGHAI)]).catch((error: unknown) => error)) as Error;
    expect(failure.name).toBe('PartialPublicationError');
    expect(failure.message).toBe(
      `publishing the reports to ${root} failed while replacing the published files, and 1 of them could not be put back: ` +
        'reports/city=440300/period=2025-06/report.json; run again to publish the whole set',
    );
    expect((failure.cause as Error).message).toBe('ENOSPC: no space left on device, write');
  });

  it('a full disk part-way through the bytes of a file fails the same way', async () => {
    const before = await contents(local);
    const out = diskFullStore(local, { bytes: 20_000 });
    await expect(publishAll(out, [revised(SHENZHEN)])).rejects.toThrow(new DiskFullError(root, 'nothing was published'));
    expect(await contents(local)).toEqual(before);
  });

  it('removes a staging left by a publication killed more than an hour ago, and says so; a recent one stays', async () => {
    const now = new Date('2025-08-05T03:00:00Z');
    const old = `${STAGING_PREFIX}20250805T015959Z-4242-abcd/new/reports/city=440300/period=2025-06/report.json`;
    const recent = `${STAGING_PREFIX}20250805T025000Z-4243-abcd/new/reports/city=440300/period=2025-06/report.json`;
    await local.put(old, '{}');
    await local.put(recent, '{}');
    const removed: string[] = [];
    await publishStaged(local, [{ key: 'note.txt', body: 'x', contentType: 'text/plain' }], { now: () => now, onLeftoverRemoved: (prefix) => removed.push(prefix) });
    expect(removed).toEqual([`${STAGING_PREFIX}20250805T015959Z-4242-abcd/`]);
    expect((await local.list(STAGING_PREFIX)).map((object) => object.key)).toEqual([recent]);
    expect(now.getTime() - new Date('2025-08-05T01:59:59Z').getTime()).toBeGreaterThan(LEFTOVER_STAGING_MS);
  });
});
