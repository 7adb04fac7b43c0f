/** Which work folders in the temp folder are a killed run's leftovers: the process gone, or older than a day. */
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLeftoverWorkFolders } from '../../../etl/work-folders/leftover-work-folders.ts';
import { liveWorkFolders, makeWorkFolder, removeWorkFolder } from '../../../etl/work-folders/work-folders.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('removeLeftoverWorkFolders', () => {
  it('removes the folders of processes no longer running and those older than a day, nothing else', async () => {
    const temp = await tempDir('leftovers');
    const now = new Date('2025-08-05T12:00:00Z');
    const make = async (name: string, modified: Date) => {
      await mkdir(path.join(temp, name));
      await writeFile(path.join(temp, name, 'rejects.jsonl'), '{"raw":{"出质人名称":"某某"}}\n');
      await utimes(path.join(temp, name), modified, modified);
    };
    await make('ipstats-work-111-ingest-pledges-aaaaaa', new Date('2025-08-05T11:59:00Z')); // its process is gone
    await make('ipstats-work-222-lake-cache-bbbbbb', new Date('2025-08-05T11:00:00Z')); // running, recent: a run going on
    await make('ipstats-work-333-query-cccccc', new Date('2025-08-04T11:59:59Z')); // running, but older than a day
    await make('ipstats-test-xyz-dddddd', new Date('2025-01-01T00:00:00Z')); // not a work folder
    await make('ipstats-ingest-pledges-eeeeee', new Date('2025-01-01T00:00:00Z')); // an old name: not ours to judge
    const removed = await removeLeftoverWorkFolders({ tempDir: temp, now: () => now, isRunning: (pid) => pid !== 111 });
    expect(removed).toEqual([
      { folder: path.join(temp, 'ipstats-work-111-ingest-pledges-aaaaaa'), pid: 111, ageMinutes: 1 },
      { folder: path.join(temp, 'ipstats-work-333-query-cccccc'), pid: 333, ageMinutes: 1440 },
    ]);
    expect((await readdir(temp)).sort()).toEqual(['ipstats-ingest-pledges-eeeeee', 'ipstats-test-xyz-dddddd', 'ipstats-work-222-lake-cache-bbbbbb']);
  });

  it("never removes this process's own folders, whatever their age", async () => {
    const temp = await tempDir('leftovers-own');
    const own = path.join(temp, `ipstats-work-${process.pid}-own-ffffff`);
    await mkdir(own);
    await utimes(own, new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'));
    expect(await removeLeftoverWorkFolders({ tempDir: temp, isRunning: () => false })).toEqual([]);
    expect(await readdir(temp)).toEqual([path.basename(own)]);
  });

  it('makeWorkFolder names the folder after this process and tracks it until it is removed', async () => {
    const folder = await makeWorkFolder('own');
    try {
      expect(path.basename(folder)).toMatch(new RegExp(`^ipstats-work-${process.pid}-own-`));
      expect(liveWorkFolders()).toContain(folder);
    } finally {
      await removeWorkFolder(folder);
    }
    expect(liveWorkFolders()).not.toContain(folder);
  });
});
