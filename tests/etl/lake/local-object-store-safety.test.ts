/**
 * What only the local store has to get right: keys must never escape the root folder, and a
 * write must never be seen half-done.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { assertValidObjectKey } from '../../../etl/lake/object-keys.ts';
import { ObjectExistsError } from '../../../etl/lake/object-store.ts';

let parentDir: string;
let root: string;
let store: LocalObjectStore;

beforeEach(async () => {
  parentDir = await mkdtemp(path.join(tmpdir(), 'ipstats-local-safety-'));
  root = path.join(parentDir, 'lake');
  await mkdir(root);
  store = new LocalObjectStore(root);
});
afterEach(async () => {
  await rm(parentDir, { recursive: true, force: true });
});

/** Every file under `dir`, relative, sorted — including dot files the store's list skips. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('assertValidObjectKey', () => {
  it.each([
    ['', 'it is empty'],
    ['/etc/passwd', 'it is absolute (starts with "/")'],
    ['../secret.txt', 'it has a ".." segment'],
    ['curated/../../secret.txt', 'it has a ".." segment'],
    ['curated/./x', 'it has a "." segment'],
    ['curated//x', 'it has an empty path segment'],
    ['curated/', 'it has an empty path segment'],
    ['curated\\..\\x', 'it contains a backslash'],
    ['C:/Windows/x', 'it starts with a drive letter'],
    ['a\0b', 'it contains a NUL character'],
    ['a/.x.ipstats-tmp', 'a segment ends with the reserved suffix ".ipstats-tmp"'],
  ])('rejects %j: %s', (key, problem) => {
    expect(() => assertValidObjectKey(key)).toThrow(
      `invalid object key ${JSON.stringify(key)}: ${problem}; expected a relative path like "curated/patents/x.parquet"`,
    );
  });

  it.each(['a', 'curated/patents/year=2024/month=06/0f3a.parquet', 'raw/专利/文件.csv', '.hidden', 'a/..b/c..', 'x y/z'])(
    'accepts %j',
    (key) => {
      expect(() => assertValidObjectKey(key)).not.toThrow();
    },
  );
});

describe('LocalObjectStore path traversal', () => {
  it('refuses keys that would write outside the root, and writes nothing', async () => {
    await writeFile(path.join(parentDir, 'secret.txt'), 'do not touch');
    for (const key of ['../secret.txt', 'a/../../secret.txt', path.join(parentDir, 'secret.txt'), '..\\secret.txt']) {
      await expect(store.put(key, 'overwritten')).rejects.toThrow(/^invalid object key /);
      await expect(store.putFile(key, path.join(parentDir, 'secret.txt'))).rejects.toThrow(/^invalid object key /);
      await expect(store.delete(key)).rejects.toThrow(/^invalid object key /);
      await expect(store.get(key)).rejects.toThrow(/^invalid object key /);
    }
    expect(await filesUnder(parentDir)).toEqual(['secret.txt']);
  });

  it('refuses a list prefix that climbs out of the root', async () => {
    await expect(store.list('../')).rejects.toThrow('invalid object key "..": it has a ".." segment');
    await expect(store.list('a/../../')).rejects.toThrow(/^invalid object key "a\/\.\.\/\.\."/);
  });
});

describe('LocalObjectStore atomic writes', () => {
  it('leaves no temporary file behind after put and putFile', async () => {
    const source = path.join(parentDir, 'source.bin');
    await writeFile(source, randomBytes(1024));
    await store.put('a/one.txt', 'one');
    await store.putFile('a/two.bin', source);
    await store.put('a/one.txt', 'one again');
    expect(await filesUnder(root)).toEqual(['a/one.txt', 'a/two.bin']);
  });

  it('a failed putFile removes its temporary file and keeps the old object', async () => {
    await store.put('a/kept.txt', 'old');
    await expect(store.putFile('a/kept.txt', path.join(parentDir, 'missing.bin'))).rejects.toThrow(
      `cannot write a/kept.txt in ${root}: cannot copy source file ${path.join(parentDir, 'missing.bin')}`,
    );
    expect(await store.getText('a/kept.txt')).toBe('old');
    expect(await filesUnder(root)).toEqual(['a/kept.txt']);
  });

  it('a reader sees the old bytes or the new bytes, never a partial file', async () => {
    const oldBytes = Buffer.from('old version');
    const newBytes = randomBytes(16 * 1024 * 1024);
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    const allowed = new Set([sha(oldBytes), sha(newBytes)]);
    const source = path.join(parentDir, 'new.bin');
    await writeFile(source, newBytes);
    await store.put('curated/x.parquet', oldBytes);

    let writing = true;
    const write = store.putFile('curated/x.parquet', source).finally(() => {
      writing = false;
    });
    const seen: string[] = [];
    while (writing) seen.push(sha(await store.get('curated/x.parquet')));
    await write;
    // Measured 87-150 reads while a 16 MiB write is in flight; a few are enough to mean something.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    seen.push(sha(await store.get('curated/x.parquet')));

    expect(seen.filter((digest) => !allowed.has(digest))).toEqual([]);
    expect(seen.at(-1)).toBe(sha(newBytes));
  });

  it('leftovers of a crashed write are neither listed nor readable as the object', async () => {
    // What a crash between writing the temp file and renaming it leaves behind.
    await mkdir(path.join(root, 'curated'), { recursive: true });
    await writeFile(path.join(root, 'curated', '.x.parquet.12345-abcdef.ipstats-tmp'), 'half a fi');
    expect(await store.list('')).toEqual([]);
    expect(await store.exists('curated/x.parquet')).toBe(false);
  });

  it('ifNoneMatch lets exactly one of many concurrent writers create the object', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => store.put('manifests/patents/m.json', `writer ${i}`, { ifNoneMatch: true })),
    );
    const winners = results.filter((result) => result.status === 'fulfilled');
    const losers = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(winners.length).toBe(1);
    expect(losers.length).toBe(11);
    expect(losers.every((result) => result.reason instanceof ObjectExistsError)).toBe(true);
    const winner = results.findIndex((result) => result.status === 'fulfilled');
    expect(await store.getText('manifests/patents/m.json')).toBe(`writer ${winner}`);
    expect(await filesUnder(root)).toEqual(['manifests/patents/m.json']);
  });

  it('refuses to write an object where a folder is, and the reverse', async () => {
    await store.put('a/b/c.txt', 'c');
    await expect(store.put('a/b', 'x')).rejects.toThrow(`cannot write a/b in ${root}: a folder and an object would share a path`);
    await expect(store.put('a/b/c.txt/d', 'x')).rejects.toThrow(`cannot write a/b/c.txt/d in ${root}: a folder and an object would share a path`);
    expect(await filesUnder(root)).toEqual(['a/b/c.txt']);
  });
});
