/**
 * Two writers on one S3 lake (two Lambdas, a Lambda and an operator's `ipstats ingest`): the
 * ingest numbers are taken with `If-None-Match: *`, so racing writers never share one and the
 * later number wins deterministically. Against moto_server, which enforces the condition as S3
 * does (s3rver ignores it; S3ObjectStore's HEAD check alone leaves a window).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, sha256File } from '../../../etl/ingest/ingest-file.ts';
import { nextIngestSeq } from '../../../etl/ingest/next-ingest-seq.ts';
import { ObjectExistsError } from '../../../etl/lake/object-store.ts';
import { S3ObjectStore } from '../../../etl/lake/s3-object-store.ts';
import { openLakeEngine } from '../../../etl/pipeline/lake-engine.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { startMotoServer, type RunningMoto } from '../../support/moto-server.ts';
import { tempDir } from '../../support/temp-dir.ts';

const HEADER = 'event_id,application_no,event_type,effective_date,from_name,from_type,from_city_code,to_name,to_type,to_city_code';
const fileOf = (to: string) => [HEADER, `T1,201710601862.3,transfer,2024-03-05,清华大学,university,110108,${to},enterprise,440305`, ''].join('\n');

let moto: RunningMoto;
let dir: string;
beforeAll(async () => {
  moto = await startMotoServer();
  dir = await tempDir('s3-race');
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe('two writers racing on one S3 lake', () => {
  it('moto refuses a conditional PUT on an existing key, as S3 does', async () => {
    const store = new S3ObjectStore({ client: moto.client, bucket: moto.bucket, prefix: 'probe' });
    await store.put('k', 'a', { ifNoneMatch: true });
    await expect(store.put('k', 'b', { ifNoneMatch: true })).rejects.toBeInstanceOf(ObjectExistsError);
    expect(await store.getText('k')).toBe('a');
  });

  it('gives twelve writers taking numbers at once twelve distinct numbers', async () => {
    const store = new S3ObjectStore({ client: moto.client, bucket: moto.bucket, prefix: 'numbers' });
    const sha = (n: number) => n.toString(16).padStart(64, '0');
    const taken = await Promise.all(Array.from({ length: 12 }, (_, i) => nextIngestSeq(store, 'pledges', sha(i))));
    expect([...taken].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('gives two ingestions of one dataset distinct ingest_seq, and the higher one wins the shared key', async () => {
    const store = new S3ObjectStore({ client: moto.client, bucket: moto.bucket, prefix: 'lake' });
    const files = [path.join(dir, 'a.csv'), path.join(dir, 'b.csv')];
    await writeFile(files[0]!, fileOf('深圳甲公司'));
    await writeFile(files[1]!, fileOf('深圳乙公司'));
    const results = await Promise.all(files.map((filePath) => ingestFile({ store, dataset: getDataset('patent_events'), filePath })));
    const seqs = results.map((result) => result.manifest.ingest_seq);
    expect([...seqs].sort()).toEqual([1, 2]);
    const winner = results.find((result) => result.manifest.ingest_seq === 2)!;
    const cache = await mkdtemp(path.join(tmpdir(), 'ipstats-test-s3-race-cache-'));
    const engine = await openLakeEngine(store, cache);
    try {
      const { rows } = await engine.query('select event_id, _source_sha256, _ingest_seq from stg_patent_events');
      expect(rows).toEqual([{ event_id: 'T1', _source_sha256: winner.manifest.source.sha256, _ingest_seq: 2 }]);
      expect(winner.manifest.source.sha256).toBe(await sha256File(files[seqs.indexOf(2)]!));
    } finally {
      await engine.close();
      await rm(cache, { recursive: true, force: true });
    }
  });
});
