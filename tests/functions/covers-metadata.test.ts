/**
 * A coverage declaration on the uploaded object (S3 user metadata `ipstats-covers`), against
 * s3rver: the `ingest` function (S3 events) and the large-source fan-out (split-source →
 * ingest-range → merge-ranges) record it in the manifest, re-declare it for bytes already
 * ingested, and fail the object on a malformed value.
 */
import { readFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoverageDeclarationError } from '../../etl/coverage/coverage-declaration-error.ts';
import { ManifestSchema, type Manifest } from '../../etl/ingest/manifest.ts';
import { S3ObjectStore } from '../../etl/lake/s3-object-store.ts';
import type { IngestSummary } from '../../etl/aws/ingest-summary.ts';
import { startS3rver, type RunningS3rver } from '../support/s3rver.ts';
import { lambdaEnv, s3Event } from './support/lambda-env.ts';

type Handlers = {
  ingest: (typeof import('../../functions/ingest/handler.ts'))['handler'];
  split: (typeof import('../../functions/split-source/handler.ts'))['handler'];
  range: (typeof import('../../functions/ingest-range/handler.ts'))['handler'];
  merge: (typeof import('../../functions/merge-ranges/handler.ts'))['handler'];
};

const HEADER = '质押登记号,质押物类型,质押件数,登记日,状态,出质人名称,出质人行政区划代码,质权人名称,担保债权数额（万元）';
// Accepted rows in 2024-12, 2025-01, 2025-02 and 2025-04.
const PLEDGES = [
  HEADER,
  'P-1,专利,1,2024-12-31,设立,甲公司,440305,招商银行,10',
  'P-2,专利,1,2025-01-10,设立,乙公司,440305,招商银行,20',
  'P-3,商标,2,2025-02-10,设立,丙公司,440306,招商银行,30',
  'P-5,专利,1,2025-04-02,设立,戊公司,440306,招商银行,50',
  '',
].join('\n');

describe('coverage declared as S3 metadata ipstats-covers (s3rver)', () => {
  let s3: RunningS3rver;
  let lake: S3ObjectStore;
  let fns: Handlers;

  async function put(key: string, body: string | Buffer, covers?: string): Promise<void> {
    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body, ...(covers === undefined ? {} : { Metadata: { 'ipstats-covers': covers } }) }));
  }
  async function manifestOf(summary: IngestSummary): Promise<Manifest> {
    return ManifestSchema.parse(JSON.parse(await lake.getText(summary.manifestKey)));
  }
  async function ingestEvent(key: string): Promise<IngestSummary> {
    const response = await fns.ingest(s3Event(s3.bucket, [key]));
    if (!('results' in response) || response.results.length !== 1) throw new Error(`expected one result, got ${JSON.stringify(response)}`);
    return response.results[0]!;
  }
  async function fanOut(dataset: string, key: string) {
    const plan = await fns.split({ dataset, key });
    const results = await Promise.all(plan.ranges.map((range) => fns.range({ dataset, key, range })));
    return { plan, summary: await fns.merge({ dataset, key, plan, ranges: results }) };
  }

  beforeAll(async () => {
    s3 = await startS3rver();
    lambdaEnv(s3, { IPSTATS_LAKE_BUCKET: s3.bucket, IPSTATS_RANGE_BYTES: '1500000', IPSTATS_WORK_PREFIX: 'work/' });
    fns = {
      ingest: (await import('../../functions/ingest/handler.ts')).handler,
      split: (await import('../../functions/split-source/handler.ts')).handler,
      range: (await import('../../functions/ingest-range/handler.ts')).handler,
      merge: (await import('../../functions/merge-ranges/handler.ts')).handler,
    };
    lake = new S3ObjectStore({ client: s3.client, bucket: s3.bucket });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  describe('ingest (S3 event)', () => {
    it('records the declaration and warns about the months outside it', async () => {
      await put('inbox/pledges/pledges-2025-q1.csv', PLEDGES, '2025-01..2025-03');
      const summary = await ingestEvent('inbox/pledges/pledges-2025-q1.csv');
      const manifest = await manifestOf(summary);
      const warning = 'accepted rows of 2024-12, 2025-04 lie outside the declared coverage 2025-01..2025-03: figures for months outside the declared coverage are not published';
      expect(summary).toEqual({
        dataset: 'pledges',
        key: 'inbox/pledges/pledges-2025-q1.csv',
        sha256: manifest.source.sha256,
        status: 'ingested',
        rowsRead: 4,
        rowsAccepted: 4,
        rowsRejected: 0,
        rejectRate: 0,
        manifestKey: `manifests/pledges/${manifest.source.sha256}.json`,
        error: null,
        coverage: '2025-01..2025-03',
        coverageWarning: warning,
      });
      expect(manifest.coverage).toEqual({ first: '2025-01', last: '2025-03', declared_in: 's3 metadata ipstats-covers' });
      expect(manifest.warnings).toEqual([warning]);
    });

    it('the same bytes uploaded again with another declaration update it; without one, it stays', async () => {
      await put('inbox/pledges/pledges-2025-q1-again.csv', PLEDGES, '2024-12..2025-04');
      const again = await ingestEvent('inbox/pledges/pledges-2025-q1-again.csv');
      expect(again).toMatchObject({ status: 'skipped', coverage: '2024-12..2025-04', coverageUpdated: true });
      expect(again.coverageWarning).toBeUndefined();
      const manifest = await manifestOf(again);
      expect(manifest.coverage).toEqual({ first: '2024-12', last: '2025-04', declared_in: 's3 metadata ipstats-covers' });
      expect(manifest.warnings).toBeUndefined();

      await put('inbox/pledges/pledges-2025-q1-plain.csv', PLEDGES);
      const plain = await ingestEvent('inbox/pledges/pledges-2025-q1-plain.csv');
      expect(plain).toMatchObject({ status: 'skipped', coverage: '2024-12..2025-04' });
      expect(plain.coverageUpdated).toBeUndefined();
    });

    it('a malformed value fails that object, naming the metadata and the value; nothing of it is written', async () => {
      const other = PLEDGES.replace('P-5,', 'P-6,');
      await put('inbox/pledges/bad.csv', other, '2025-1..2025-03');
      const manifestsBefore = await lake.list('manifests/pledges/');
      await expect(fns.ingest(s3Event(s3.bucket, ['inbox/pledges/bad.csv']))).rejects.toMatchObject({
        name: 'IngestFailedError',
        message: "1 source(s) could not be ingested: inbox/pledges/bad.csv: S3 metadata ipstats-covers '2025-1..2025-03' is not a month range FROM..TO such as 2019-01..2025-03",
      });
      expect(await lake.list('manifests/pledges/')).toEqual(manifestsBefore);
    });

    it('a declaration on a dataset whose coverage cannot be declared fails the object', async () => {
      await put('inbox/enterprises/enterprises.csv', await readFile('samples/default/enterprises/enterprises.csv'), '2025-01..2025-03');
      await expect(fns.ingest({ dataset: 'enterprises', key: 'inbox/enterprises/enterprises.csv' })).rejects.toThrow(
        new CoverageDeclarationError("S3 metadata ipstats-covers '2025-01..2025-03': enterprises is a reference dataset without dates: it has no coverage to declare"),
      );
      expect(await lake.list('manifests/enterprises/')).toEqual([]);
    });
  });

  describe('large source: split-source reads it, merge-ranges records it', () => {
    const key = 'inbox/patent_events/patent-events-2023.csv';

    it('a fanned-out file gets the declaration in its manifest', async () => {
      const bytes = await readFile('samples/default/patent_events/patent_events_2023.csv');
      await put(key, bytes, '2023-01..2023-06');
      const { plan, summary } = await fanOut('patent_events', key);
      expect(plan.declaredCoverage).toEqual({ first: '2023-01', last: '2023-06', declaredIn: 's3 metadata ipstats-covers' });
      expect(plan.ranges.length).toBe(1);
      expect(summary).toMatchObject({
        status: 'ingested',
        coverage: '2023-01..2023-06',
        coverageWarning: 'accepted rows of 2023-07..2023-12 lie outside the declared coverage 2023-01..2023-06: figures for months outside the declared coverage are not published',
      });
      expect((await manifestOf(summary)).coverage).toEqual({ first: '2023-01', last: '2023-06', declared_in: 's3 metadata ipstats-covers' });
    });

    it('bytes already ingested: the plan carries the declaration and merge-ranges updates the manifest', async () => {
      const copy = 'inbox/patent_events/patent-events-2023-copy.csv';
      await put(copy, await readFile('samples/default/patent_events/patent_events_2023.csv'), '2023-01..2023-12');
      const { plan, summary } = await fanOut('patent_events', copy);
      expect(plan).toMatchObject({ alreadyIngested: true, ranges: [], declaredCoverage: { first: '2023-01', last: '2023-12', declaredIn: 's3 metadata ipstats-covers' } });
      expect(summary).toMatchObject({ status: 'skipped', coverage: '2023-01..2023-12', coverageUpdated: true });
      const manifest = await manifestOf(summary);
      expect(manifest.coverage).toEqual({ first: '2023-01', last: '2023-12', declared_in: 's3 metadata ipstats-covers' });
      expect(manifest.warnings).toBeUndefined();
    });

    it('a malformed value fails split-source, before any range is parsed', async () => {
      await put('inbox/patent_events/bad.csv', await readFile('samples/default/patent_events/patent_events_2024.csv'), '2023-01..2023-6');
      await expect(fns.split({ dataset: 'patent_events', key: 'inbox/patent_events/bad.csv' })).rejects.toThrow(
        new CoverageDeclarationError("S3 metadata ipstats-covers '2023-01..2023-6' is not a month range FROM..TO such as 2019-01..2025-03"),
      );
      expect(await lake.list('work/')).toEqual([]);
    });
  });
});
