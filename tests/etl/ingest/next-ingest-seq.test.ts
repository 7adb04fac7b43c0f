import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextIngestSeq, peekNextIngestSeq } from '../../../etl/ingest/next-ingest-seq.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { ObjectExistsError, type ObjectStore, type PutOptions } from '../../../etl/lake/object-store.ts';
import { tempDir } from '../../support/temp-dir.ts';

const sha = (n: number) => n.toString(16).padStart(64, '0');
const dir = await tempDir('ingest-seq');
let lakes = 0;
const newLake = () => new LocalObjectStore(path.join(dir, `lake-${++lakes}`));

describe('nextIngestSeq', () => {
  it('takes 1, 2, 3 … and records which file took each number', async () => {
    const store = newLake();
    expect(await nextIngestSeq(store, 'pledges', sha(1))).toBe(1);
    expect(await nextIngestSeq(store, 'pledges', sha(2))).toBe(2);
    expect(await nextIngestSeq(store, 'patents', sha(3))).toBe(1);
    expect(await store.getText('ingest-seq/pledges/0000000002')).toBe(`${sha(2)}\n`);
    expect((await store.list('ingest-seq/')).map((o) => o.key)).toEqual(['ingest-seq/patents/0000000001', 'ingest-seq/pledges/0000000001', 'ingest-seq/pledges/0000000002']);
  });

  it('gives racing writers distinct numbers (a conditional create per number)', async () => {
    const store = newLake();
    const taken = await Promise.all(Array.from({ length: 12 }, (_, i) => nextIngestSeq(store, 'pledges', sha(i))));
    expect([...taken].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('continues after a lake numbered by counting manifests, and never reuses a number of an interrupted ingestion', async () => {
    const store = newLake();
    // three manifests of a lake written before numbers were taken, the last a file rejected whole that is retried
    for (const n of [1, 2, 3]) await store.put(`manifests/pledges/${sha(n)}.json`, '{}');
    expect(await peekNextIngestSeq(store, 'pledges')).toBe(4);
    expect(await nextIngestSeq(store, 'pledges', sha(3))).toBe(4);
    // 4 was taken by an ingestion that never wrote its manifest: the next file gets 5
    expect(await nextIngestSeq(store, 'pledges', sha(9))).toBe(5);
  });

  it('fails after 1000 numbers in a row are taken, naming the dataset and the lake', async () => {
    const inner = newLake();
    // Every number already taken by someone else.
    const alwaysTaken: ObjectStore = Object.assign(Object.create(inner) as LocalObjectStore, {
      put: async (key: string, _body: Uint8Array | string, _options?: PutOptions) => {
        throw new ObjectExistsError(key, inner.location);
      },
    });
    await expect(nextIngestSeq(alwaysTaken, 'pledges', sha(1))).rejects.toThrow(
      `cannot take an ingest sequence number for pledges in ${inner.location}: 1000 numbers from 1 on are all taken`,
    );
  });
});
