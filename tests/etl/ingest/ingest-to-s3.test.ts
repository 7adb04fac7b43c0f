/**
 * The S3 code path of the ingestion, against a real S3-compatible server (s3rver): the same
 * file must give the same lake, byte for byte, as on the local filesystem.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../etl/ingest/ingest-file.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { S3ObjectStore } from '../../../etl/lake/s3-object-store.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { startS3rver, type RunningS3rver } from '../../support/s3rver.ts';
import { tempDir } from '../../support/temp-dir.ts';

const CLOCK = () => new Date('2025-07-05T02:00:00Z');
const HEADER = 'event_id,application_no,event_type,effective_date,from_name,from_type,from_city_code,to_name,to_type,to_city_code';
const FIRST = [HEADER, 'T1,201710601862.3,transfer,2024-03-05,清华大学,university,110108,深圳甲公司,enterprise,440305', 'T2,201710601862.3,licence,2024-04-01,清华大学,university,110108,深圳乙公司,enterprise,440306', 'T3,bad,transfer,2024-04-02,x,university,110108,y,enterprise,440306', ''].join('\n');
const CORRECTION = [HEADER, 'T2,201710601862.3,licence,2024-04-02,清华大学,university,110108,深圳乙公司,enterprise,440306', ''].join('\n');

describe('ingestFile into S3 (s3rver)', () => {
  let s3: RunningS3rver;
  let dir: string;

  beforeAll(async () => {
    s3 = await startS3rver();
    dir = await tempDir('ingest-s3');
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('writes the same objects with the same bytes as a local lake, supersession included', async () => {
    const files = [path.join(dir, 'a.csv'), path.join(dir, 'b.csv')];
    await writeFile(files[0]!, FIRST);
    await writeFile(files[1]!, CORRECTION);
    const local = new LocalObjectStore(path.join(dir, 'lake'));
    const remote = new S3ObjectStore({ client: s3.client, bucket: s3.bucket, prefix: 'lake' });
    const manifests = [];
    for (const store of [local, remote]) {
      for (const filePath of files) manifests.push((await ingestFile({ store, dataset: getDataset('patent_events'), filePath, now: CLOCK })).manifest);
    }
    const [localFirst, localSecond, remoteFirst, remoteSecond] = manifests;
    expect(remoteSecond!.keys.supersedes).toEqual({ [remoteFirst!.source.sha256]: 1 });
    expect(remoteSecond).toEqual(localSecond);
    expect(remoteFirst).toEqual(localFirst);
    const keys = (await local.list('')).map((object) => object.key);
    expect((await remote.list('')).map((object) => object.key)).toEqual(keys);
    for (const key of keys) expect(Buffer.from(await remote.get(key)).equals(Buffer.from(await local.get(key))), key).toBe(true);
  });
});
