/**
 * An ingestion interrupted between its curated writes and its manifest (a Ctrl-C, a killed
 * process, a Lambda timing out) leaves Parquet without a commit record. Nothing of it may count,
 * supersede or be superseded, and running it again (the state machine's retry: same bytes, same
 * keys) must count it exactly once. Local folder and S3 (s3rver).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, sha256File } from '../../../etl/ingest/ingest-file.ts';
import { findUncommittedObjects } from '../../../etl/ingest/uncommitted-objects.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import type { ObjectStore } from '../../../etl/lake/object-store.ts';
import { S3ObjectStore } from '../../../etl/lake/s3-object-store.ts';
import { openLakeEngine } from '../../../etl/pipeline/lake-engine.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { crashBeforeManifest } from '../../support/crashing-store.ts';
import { startS3rver, type RunningS3rver } from '../../support/s3rver.ts';
import { tempDir } from '../../support/temp-dir.ts';

const CLOCK = () => new Date('2025-07-05T02:00:00Z');
const HEADER = 'event_id,application_no,event_type,effective_date,from_name,from_type,from_city_code,to_name,to_type,to_city_code';
const row = (id: string, date: string, to: string) => `${id},201710601862.3,transfer,${date},清华大学,university,110108,${to},enterprise,440305`;
// A: T1, T2. B (interrupted, then retried): a new version of T1 in another month, and T3. C: T3 again.
const FILE_A = [HEADER, row('T1', '2024-03-05', '深圳甲公司'), row('T2', '2024-04-01', '深圳乙公司'), ''].join('\n');
const FILE_B = [HEADER, row('T1', '2024-05-06', '深圳丙公司'), row('T3', '2024-06-07', '深圳丁公司'), 'T9,bad,transfer,2024-06-08,x,university,110108,y,enterprise,440305', ''].join('\n');
const FILE_C = [HEADER, row('T3', '2024-07-08', '深圳戊公司'), ''].join('\n');

const dataset = getDataset('patent_events');
let dir: string;
let s3: RunningS3rver;
const files: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };

beforeAll(async () => {
  dir = await tempDir('interrupted');
  s3 = await startS3rver();
  for (const [name, text] of Object.entries({ a: FILE_A, b: FILE_B, c: FILE_C })) {
    files[name as 'a'] = path.join(dir, `${name}.csv`);
    await writeFile(files[name as 'a'], text);
  }
});
afterAll(async () => {
  await s3?.stop();
});

/** The current rows the views count: event, month, the file they come from. */
async function counted(store: ObjectStore): Promise<{ event_id: string; effective_date: string; file: string }[]> {
  const cache = await mkdtemp(path.join(tmpdir(), 'ipstats-test-interrupted-cache-'));
  const engine = await openLakeEngine(store, cache);
  try {
    const shas = Object.fromEntries(await Promise.all(Object.entries(files).map(async ([name, file]) => [await sha256File(file), name])));
    const { rows } = await engine.query<{ event_id: string; effective_date: string; _source_sha256: string }>('select event_id, effective_date, _source_sha256 from stg_patent_events order by event_id');
    return rows.map((r) => ({ event_id: r.event_id, effective_date: r.effective_date, file: shas[r._source_sha256] as string }));
  } finally {
    await engine.close();
    await rm(cache, { recursive: true, force: true });
  }
}

describe.each([
  ['a local folder', () => new LocalObjectStore(path.join(dir, 'lake'))],
  ['S3 (s3rver)', () => new S3ObjectStore({ client: s3.client, bucket: s3.bucket, prefix: 'lake' })],
])('an ingestion interrupted before its manifest, in %s', (_where, makeStore) => {
  let store: ObjectStore;
  beforeAll(async () => {
    store = makeStore();
    await ingestFile({ store, dataset, filePath: files.a, now: CLOCK });
    const crashing = crashBeforeManifest(store);
    await expect(ingestFile({ store: crashing.store, dataset, filePath: files.b, now: CLOCK })).rejects.toThrow(/^simulated crash before the manifest manifests\/patent_events\/[0-9a-f]{64}\.json$/);
  });

  it('left its raw copy, curated Parquet and rejects behind, and the views count none of it', async () => {
    const shaB = await sha256File(files.b);
    const left = await findUncommittedObjects(store);
    expect(left.map(({ key, reason, dataset: ds }) => ({ key, reason, dataset: ds }))).toEqual([
      { key: `raw/patent_events/ingest_date=2025-07-05/${shaB}.csv`, reason: 'no manifest', dataset: 'patent_events' },
      { key: `curated/patent_events/year=2024/month=05/${shaB}.parquet`, reason: 'no manifest', dataset: 'patent_events' },
      { key: `curated/patent_events/year=2024/month=06/${shaB}.parquet`, reason: 'no manifest', dataset: 'patent_events' },
      { key: `rejects/patent_events/ingest_date=2025-07-05/${shaB}.jsonl`, reason: 'no manifest', dataset: 'patent_events' },
    ]);
    expect(await counted(store)).toEqual([
      { event_id: 'T1', effective_date: '2024-03-05', file: 'a' },
      { event_id: 'T2', effective_date: '2024-04-01', file: 'a' },
    ]);
  });

  it('supersedes nothing and is superseded by nothing: a later file compares with committed rows only', async () => {
    const { manifest } = await ingestFile({ store, dataset, filePath: files.c, now: CLOCK });
    // T3 is only in the uncommitted file: nothing to supersede. Numbers: a 1, b 2 (taken, never committed), c 3.
    expect(manifest.keys.supersedes).toEqual({});
    expect(manifest.ingest_seq).toBe(3);
  });

  it('counts the retried file once: same keys overwritten, a new number, nothing left over', async () => {
    const { manifest, skipped } = await ingestFile({ store, dataset, filePath: files.b, now: CLOCK });
    expect(skipped).toBe(false);
    expect(manifest.ingest_seq).toBe(4);
    expect(manifest.rows).toEqual({ read: 3, accepted: 2, rejected: 1 });
    // The retry is the latest ingestion: its T1 replaces a's, its T3 replaces c's.
    expect(manifest.keys.supersedes).toEqual({ [await sha256File(files.a)]: 1, [await sha256File(files.c)]: 1 });
    expect(await counted(store)).toEqual([
      { event_id: 'T1', effective_date: '2024-05-06', file: 'b' },
      { event_id: 'T2', effective_date: '2024-04-01', file: 'a' },
      { event_id: 'T3', effective_date: '2024-06-07', file: 'b' },
    ]);
    expect(await findUncommittedObjects(store)).toEqual([]);
  });
});
