/**
 * The store wrapper (etl/lake/before-each-write.ts): the hook sees each write before it happens
 * and can stop it, and every other call reaches the wrapped store with all its arguments.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { beforeEachWrite, type PendingWrite } from '../../../etl/lake/before-each-write.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { tempDir } from '../../support/temp-dir.ts';

const work = await tempDir('before-each-write');

describe('beforeEachWrite', () => {
  it('runs the hook before each put and putFile, and a hook that throws stops the write', async () => {
    const root = path.join(work, 'hooked');
    const seen: PendingWrite[] = [];
    const store = beforeEachWrite(new LocalObjectStore(root), (write) => {
      seen.push(write);
      if (write.key === 'refused.txt') throw new Error('refused');
    });
    await store.put('a.txt', 'a');
    const file = path.join(work, 'b-source.txt');
    await writeFile(file, 'bb');
    await store.putFile('b.txt', file);
    await expect(store.put('refused.txt', 'c')).rejects.toThrow('refused');
    expect(seen).toEqual([{ key: 'a.txt', body: 'a' }, { key: 'b.txt', filePath: file }, { key: 'refused.txt', body: 'c' }]);
    expect(existsSync(path.join(root, 'refused.txt'))).toBe(false);
    expect(await store.getText('b.txt')).toBe('bb');
  });

  it("hands list its options (lastModified) and keeps a local store's localPath", async () => {
    const root = path.join(work, 'listed');
    const store = beforeEachWrite(new LocalObjectStore(root), () => {});
    await store.put('timed/a.txt', 'a');
    const [listed] = await store.list('timed/', { lastModified: true });
    expect(listed?.lastModified).toBeInstanceOf(Date);
    expect(store.localPath?.('timed/a.txt')).toBe(path.join(root, 'timed', 'a.txt'));
  });
});
