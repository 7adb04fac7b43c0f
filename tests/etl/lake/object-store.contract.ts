/**
 * The behaviour every ObjectStore must have, run against each implementation by its own
 * `*.test.ts` file. A fresh, empty store is created for every test.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ObjectExistsError, ObjectNotFoundError, type ObjectStore } from '../../../etl/lake/object-store.ts';

export interface StoreUnderTest {
  readonly store: ObjectStore;
  /** Removes whatever the store wrote. */
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  /** What `store.location` must look like. */
  readonly location: RegExp;
  /** Contract tests this implementation cannot pass, by title, with the reason (a known server bug). */
  readonly knownGaps?: Readonly<Record<string, string>>;
}

export const RANGE_OF_FIRST_BYTE_ONLY = 'getStream returns a range of just the first byte (end 0)';

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Runs `task` over `items` with at most `limit` in flight (1,100 parallel requests would swamp s3rver). */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

const CHINESE_TEXT = '专利权质押登记：深圳市南山区 𠀀 — 商標註冊\n第二行,"引号"\r\n';
const BINARY = Uint8Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256);
const MULTI_MEGABYTE = 6 * 1024 * 1024 + 123;

export function describeObjectStoreContract(
  name: string,
  createStore: () => Promise<StoreUnderTest>,
  options: ContractOptions,
): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let underTest: StoreUnderTest;
    let store: ObjectStore;
    let scratchDir: string;

    beforeAll(async () => {
      scratchDir = await mkdtemp(path.join(tmpdir(), 'ipstats-store-contract-'));
    });
    afterAll(async () => {
      await rm(scratchDir, { recursive: true, force: true });
    });
    beforeEach(async () => {
      underTest = await createStore();
      store = underTest.store;
    });
    afterEach(async () => {
      await underTest.cleanup();
    });

    it('has a location for messages', () => {
      expect(store.location).toMatch(options.location);
    });

    it('stores Chinese UTF-8 text byte-exact', async () => {
      await store.put('raw/patents/ingest_date=2024-06-01/中文.csv', CHINESE_TEXT, { contentType: 'text/csv; charset=utf-8' });
      const bytes = await store.get('raw/patents/ingest_date=2024-06-01/中文.csv');
      expect(Buffer.from(bytes).equals(Buffer.from(CHINESE_TEXT, 'utf8'))).toBe(true);
      expect(await store.getText('raw/patents/ingest_date=2024-06-01/中文.csv')).toBe(CHINESE_TEXT);
    });

    it('stores binary bytes exactly, including bytes that are not UTF-8', async () => {
      await store.put('bin/all-bytes.bin', BINARY);
      const bytes = await store.get('bin/all-bytes.bin');
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(Array.from(bytes)).toEqual(Array.from(BINARY));
      await expect(store.getText('bin/all-bytes.bin')).rejects.toThrow(/object bin\/all-bytes\.bin in .* is not valid UTF-8 text/);
    });

    it('stores an empty object', async () => {
      await store.put('empty.txt', '');
      expect(await store.getText('empty.txt')).toBe('');
      expect(await store.head('empty.txt')).toEqual({ key: 'empty.txt', size: 0 });
    });

    it('overwrites an object when ifNoneMatch is not set', async () => {
      await store.put('manifests/patents/a.json', '{"v":1}');
      await store.put('manifests/patents/a.json', '{"v":2}');
      expect(await store.getText('manifests/patents/a.json')).toBe('{"v":2}');
    });

    it('putFile streams a multi-megabyte file byte-exact and getFile copies it back', async () => {
      const content = randomBytes(MULTI_MEGABYTE);
      const source = path.join(scratchDir, `source-${randomBytes(4).toString('hex')}.bin`);
      const copy = path.join(scratchDir, `copy-${randomBytes(4).toString('hex')}.parquet`);
      await writeFile(source, content);

      await store.putFile('curated/patents/year=2024/month=06/big.parquet', source);

      expect(await store.head('curated/patents/year=2024/month=06/big.parquet')).toEqual({
        key: 'curated/patents/year=2024/month=06/big.parquet',
        size: MULTI_MEGABYTE,
      });
      expect(sha256(await store.get('curated/patents/year=2024/month=06/big.parquet'))).toBe(sha256(content));
      await store.getFile('curated/patents/year=2024/month=06/big.parquet', copy);
      expect(sha256(await readFile(copy))).toBe(sha256(content));
    });

    it('putFile of a missing source file rejects naming the file and stores nothing', async () => {
      const missing = path.join(scratchDir, 'does-not-exist.csv');
      await expect(store.putFile('raw/x.csv', missing)).rejects.toThrow(/does-not-exist\.csv/);
      expect(await store.exists('raw/x.csv')).toBe(false);
      expect(await store.list('')).toEqual([]);
    });

    it('getStream returns the whole object, or an inclusive byte range', async () => {
      await store.put('s/digits.txt', '0123456789');
      expect((await readAll(await store.getStream('s/digits.txt'))).toString()).toBe('0123456789');
      expect((await readAll(await store.getStream('s/digits.txt', { start: 3, end: 6 }))).toString()).toBe('3456');
      expect((await readAll(await store.getStream('s/digits.txt', { start: 9, end: 9 }))).toString()).toBe('9');
    });

    it.skipIf(options.knownGaps?.[RANGE_OF_FIRST_BYTE_ONLY] !== undefined)(RANGE_OF_FIRST_BYTE_ONLY, async () => {
      await store.put('s/digits.txt', '0123456789');
      expect((await readAll(await store.getStream('s/digits.txt', { start: 0, end: 0 }))).toString()).toBe('0');
    });

    it('getStream clamps a range that runs past the end, like HTTP', async () => {
      await store.put('s/digits.txt', '0123456789');
      expect((await readAll(await store.getStream('s/digits.txt', { start: 7, end: 1000 }))).toString()).toBe('789');
    });

    it('getStream ranges count bytes, not characters', async () => {
      await store.put('s/zh.txt', '专利');
      const firstCharacter = await readAll(await store.getStream('s/zh.txt', { start: 0, end: 2 }));
      expect(firstCharacter.toString('utf8')).toBe('专');
    });

    it('getStream rejects an inverted or unsatisfiable range', async () => {
      await store.put('s/digits.txt', '0123456789');
      await expect(store.getStream('s/digits.txt', { start: 5, end: 2 })).rejects.toThrow(
        'invalid byte range 5-2 for s/digits.txt: expected integers with 0 <= start <= end',
      );
      await expect(store.getStream('s/digits.txt', { start: -1, end: 2 })).rejects.toThrow(/invalid byte range -1-2/);
      await expect(store.getStream('s/digits.txt', { start: 10, end: 20 })).rejects.toThrow(
        `byte range 10-20 is not satisfiable for s/digits.txt in ${store.location}: the object has 10 bytes`,
      );
    });

    it('lists more than 1,000 objects (all pages), sorted by key', async () => {
      const keys = Array.from({ length: 1100 }, (_, i) => `many/${String(1099 - i).padStart(4, '0')}.txt`);
      await forEachLimited(keys, 32, (key) => store.put(key, key.slice(5, 9)));
      await store.put('other/0000.txt', 'not in the prefix');

      const listed = await store.list('many/');

      expect(listed.length).toBe(1100);
      expect(listed[0]).toEqual({ key: 'many/0000.txt', size: 4 });
      expect(listed[1000]).toEqual({ key: 'many/1000.txt', size: 4 });
      expect(listed[1099]).toEqual({ key: 'many/1099.txt', size: 4 });
      expect(listed.map((info) => info.key)).toEqual([...keys].sort());
      expect((await store.list('')).length).toBe(1101);
    });

    it('gives each listed object its last-modified time when asked, and only then', async () => {
      // S3 keeps LastModified to the second: compare with a margin of a second either side.
      const before = Date.now() - 1000;
      await store.put('timed/a.txt', 'a');
      const after = Date.now() + 1000;
      const [timed] = await store.list('timed/', { lastModified: true });
      expect(timed?.key).toBe('timed/a.txt');
      expect(timed?.lastModified).toBeInstanceOf(Date);
      expect(timed!.lastModified!.getTime()).toBeGreaterThanOrEqual(before);
      expect(timed!.lastModified!.getTime()).toBeLessThanOrEqual(after);
      expect(await store.list('timed/')).toEqual([{ key: 'timed/a.txt', size: 1 }]);
    });

    it('lists by string prefix, recursively, sorted by UTF-8 bytes', async () => {
      const sizes: Record<string, string> = {
        'curated/patents/year=2024/month=06/b.parquet': 'bb',
        'curated/patents/year=2024/month=05/a.parquet': 'a',
        'curated/patents/year=2023/month=12/c.parquet': 'ccc',
        'curated/patents_extra/x.parquet': 'x',
        'curated/pledges/year=2024/month=01/p.parquet': 'pppp',
        'names/专利.txt': '专',
        'names/z.txt': 'z',
        'names/Z.txt': 'Z',
      };
      for (const [key, body] of Object.entries(sizes)) await store.put(key, body);

      expect(await store.list('curated/patents/')).toEqual([
        { key: 'curated/patents/year=2023/month=12/c.parquet', size: 3 },
        { key: 'curated/patents/year=2024/month=05/a.parquet', size: 1 },
        { key: 'curated/patents/year=2024/month=06/b.parquet', size: 2 },
      ]);
      expect((await store.list('curated/patents')).map((info) => info.key)).toEqual([
        'curated/patents/year=2023/month=12/c.parquet',
        'curated/patents/year=2024/month=05/a.parquet',
        'curated/patents/year=2024/month=06/b.parquet',
        'curated/patents_extra/x.parquet',
      ]);
      expect((await store.list('curated/patents/year=2024/x')).map((info) => info.key)).toEqual([]);
      expect((await store.list('curated/patents/year=2024/month=0')).map((info) => info.key)).toEqual([
        'curated/patents/year=2024/month=05/a.parquet',
        'curated/patents/year=2024/month=06/b.parquet',
      ]);
      // 'Z' (0x5A) < 'z' (0x7A) < '专' (0xE4 …) in UTF-8 byte order.
      expect(await store.list('names/')).toEqual([
        { key: 'names/Z.txt', size: 1 },
        { key: 'names/z.txt', size: 1 },
        { key: 'names/专利.txt', size: 3 },
      ]);
      expect(await store.list('nothing-here/')).toEqual([]);
    });

    it('head gives the size, and undefined for a missing key or a folder', async () => {
      await store.put('h/a/one.json', '{"专":1}');
      expect(await store.head('h/a/one.json')).toEqual({ key: 'h/a/one.json', size: 9 });
      expect(await store.head('h/a/two.json')).toBeUndefined();
      expect(await store.head('h/a')).toBeUndefined();
      expect(await store.head('h/a/one.json/deeper')).toBeUndefined();
    });

    it('exists says whether the object is there', async () => {
      await store.put('e/yes.txt', 'y');
      expect(await store.exists('e/yes.txt')).toBe(true);
      expect(await store.exists('e/no.txt')).toBe(false);
      expect(await store.exists('e')).toBe(false);
    });

    it('delete removes the object and succeeds for a missing one', async () => {
      await store.put('d/gone.txt', 'bye');
      await store.put('d/kept.txt', 'stay');
      await store.delete('d/gone.txt');
      expect(await store.exists('d/gone.txt')).toBe(false);
      expect(await store.list('d/')).toEqual([{ key: 'd/kept.txt', size: 4 }]);
      await expect(store.delete('d/never-there.txt')).resolves.toBeUndefined();
    });

    it('reading a missing key rejects with ObjectNotFoundError naming key and location', async () => {
      const message = `object not found: missing/x.json in ${store.location}`;
      const target = path.join(scratchDir, 'never-written.bin');
      for (const read of [
        () => store.get('missing/x.json'),
        () => store.getText('missing/x.json'),
        () => store.getStream('missing/x.json'),
        () => store.getStream('missing/x.json', { start: 0, end: 1 }),
        () => store.getFile('missing/x.json', target),
      ]) {
        const error = await read().then(
          () => undefined,
          (rejection: unknown) => rejection,
        );
        expect(error).toBeInstanceOf(ObjectNotFoundError);
        expect((error as ObjectNotFoundError).message).toBe(message);
        expect((error as ObjectNotFoundError).key).toBe('missing/x.json');
      }
      await expect(readFile(target)).rejects.toThrow(/ENOENT/);
    });

    it('ifNoneMatch refuses to overwrite and keeps the first content', async () => {
      await store.put('manifests/patents/abc.json', 'first', { ifNoneMatch: true });
      const error = await store.put('manifests/patents/abc.json', 'second', { ifNoneMatch: true }).then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      expect(error).toBeInstanceOf(ObjectExistsError);
      expect((error as ObjectExistsError).message).toBe(`object already exists: manifests/patents/abc.json in ${store.location}`);
      expect(await store.getText('manifests/patents/abc.json')).toBe('first');
    });

    it('ifNoneMatch also applies to putFile', async () => {
      const source = path.join(scratchDir, 'small.txt');
      await writeFile(source, 'from file');
      await store.putFile('f/once.txt', source, { ifNoneMatch: true });
      await expect(store.putFile('f/once.txt', source, { ifNoneMatch: true })).rejects.toThrow(
        `object already exists: f/once.txt in ${store.location}`,
      );
      expect(await store.getText('f/once.txt')).toBe('from file');
    });

    it('rejects keys that are not relative forward-slash paths', async () => {
      for (const bad of ['', '/etc/passwd', '../outside.txt', 'a/../../b', 'a//b', 'a/./b', 'a\\b', 'trailing/']) {
        await expect(store.put(bad, 'x'), `key ${JSON.stringify(bad)}`).rejects.toThrow(/^invalid object key /);
        await expect(store.get(bad), `key ${JSON.stringify(bad)}`).rejects.toThrow(/^invalid object key /);
      }
      await expect(store.list('../')).rejects.toThrow(/^invalid object key "\.\."/);
      expect(await store.list('')).toEqual([]);
    });
  });
}
