/** lake.json: read back as written, absent on a new lake, and a damaged one says where and what. */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLakeRecord, writeLakeRecord, type LakeRecord } from '../../../etl/lake/lake-record.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { recordOnFirstWrite } from '../../../etl/lake/record-on-first-write.ts';
import { tempDir } from '../../support/temp-dir.ts';

const RECORD: LakeRecord = {
  schema_version: 1,
  built_for: 'user',
  origin: 'created',
  written_by: 'ipstats run',
  written_at: '2025-07-05T02:00:00.000Z',
  inputs: ['/data/deliveries/2025-06'],
  config: '/data/cities.json',
};

const work = await tempDir('lake-record');

describe('lake.json', () => {
  it('is absent on a new lake, and reads back as written', async () => {
    const store = new LocalObjectStore(path.join(work, 'round-trip'));
    expect(await readLakeRecord(store)).toBeUndefined();
    await writeLakeRecord(store, RECORD);
    expect(await readLakeRecord(store)).toEqual(RECORD);
  });

  it('names the file and each bad field, and says how to recover', async () => {
    const store = new LocalObjectStore(path.join(work, 'bad-field'));
    await writeLakeRecord(store, RECORD);
    await writeFile(path.join(work, 'bad-field', 'lake.json'), JSON.stringify({ ...RECORD, built_for: 'demo', extra: 1 }));
    await expect(readLakeRecord(store)).rejects.toThrow(
      `${store.location}/lake.json: $.built_for: Invalid option: expected one of "sample"|"user"; $: Unrecognized key: "extra"; restore it, or remove it to have the lake adopted again`,
    );
  });

  it('that is not JSON says so', async () => {
    const store = new LocalObjectStore(path.join(work, 'not-json'));
    await store.put('lake.json', '{"built_for": ');
    await expect(readLakeRecord(store)).rejects.toThrow(new RegExp(`^${store.location}/lake\\.json is not JSON: .+; restore it, or remove it to have the lake adopted again$`));
  });
});

describe('recordOnFirstWrite', () => {
  it('writes nothing while only read, and lake.json once, before the first object', async () => {
    const root = path.join(work, 'first-write');
    const store = recordOnFirstWrite(new LocalObjectStore(root), RECORD);
    expect([await store.exists('manifests/x.json'), await store.list('manifests/')]).toEqual([false, []]);
    expect(existsSync(root)).toBe(false);
    await Promise.all([store.put('a.txt', 'a'), store.put('b.txt', 'b')]);
    expect(JSON.parse(await readFile(path.join(root, 'lake.json'), 'utf8'))).toEqual(RECORD);
    await writeFile(path.join(root, 'lake.json'), 'kept');
    await store.put('c.txt', 'c');
    expect(await readFile(path.join(root, 'lake.json'), 'utf8')).toBe('kept');
    expect(store.localPath?.('a.txt')).toBe(path.join(root, 'a.txt'));
  });
});
