import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectExistsError, ObjectNotFoundError } from '../../../etl/lake/object-store.ts';
import { S3ObjectStore } from '../../../etl/lake/s3-object-store.ts';
import { startS3rver, type RunningS3rver } from '../../support/s3rver.ts';
import { describeObjectStoreContract, RANGE_OF_FIRST_BYTE_ONLY } from './object-store.contract.ts';

let s3: RunningS3rver;
let scratchDir: string;
beforeAll(async () => {
  s3 = await startS3rver();
  scratchDir = await mkdtemp(path.join(tmpdir(), 'ipstats-s3-store-'));
});
afterAll(async () => {
  await s3.stop();
  await rm(scratchDir, { recursive: true, force: true });
});

/** A store under its own random prefix of the shared bucket, so no test sees another's objects. */
function freshStore(): S3ObjectStore {
  return new S3ObjectStore({ client: s3.client, bucket: s3.bucket, prefix: `lake-${randomBytes(6).toString('hex')}` });
}

describeObjectStoreContract(
  'S3ObjectStore on s3rver',
  async () => {
    const store = freshStore();
    // Nothing to clean per test: the prefix is unique and stop() removes s3rver's data folder.
    return { store, cleanup: async () => undefined };
  },
  {
    location: /^s3:\/\/ipstats-test\/lake-[0-9a-f]{12}$/,
    knownGaps: { [RANGE_OF_FIRST_BYTE_ONLY]: 's3rver 3.7 treats "bytes=0-0" as "bytes=0-" (see the test below)' },
  },
);

describe('S3ObjectStore specifics', () => {
  it('stores objects under the prefix, with the content type given or application/octet-stream', async () => {
    const store = new S3ObjectStore({ client: s3.client, bucket: s3.bucket, prefix: '/team-a/lake/' });
    expect(store.location).toBe('s3://ipstats-test/team-a/lake');
    await store.put('reports/440300/2024-06/report.json', '{"城市":"深圳"}', { contentType: 'application/json' });
    await store.put('raw/x.bin', new Uint8Array([1, 2, 3]));

    const json = await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: 'team-a/lake/reports/440300/2024-06/report.json' }));
    const binary = await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: 'team-a/lake/raw/x.bin' }));
    expect(json.ContentType).toBe('application/json');
    expect(json.ContentLength).toBe(Buffer.byteLength('{"城市":"深圳"}'));
    expect(binary.ContentType).toBe('application/octet-stream');
    expect(await store.list('')).toEqual([
      { key: 'raw/x.bin', size: 3 },
      { key: 'reports/440300/2024-06/report.json', size: 19 },
    ]);
  });

  it('head gives the user metadata, names in lower case, and no metadata field for an object without any', async () => {
    const store = new S3ObjectStore({ client: s3.client, bucket: s3.bucket, prefix: 'meta' });
    await s3.client.send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: 'meta/inbox/pledges/p.csv', Body: 'a,b\n', Metadata: { 'ipstats-covers': '2019-01..2025-03', 'Uploaded-By': 'ops' } }),
    );
    expect(await store.head('inbox/pledges/p.csv')).toEqual({ key: 'inbox/pledges/p.csv', size: 4, metadata: { 'ipstats-covers': '2019-01..2025-03', 'uploaded-by': 'ops' } });
    await store.put('inbox/pledges/plain.csv', 'a,b\n');
    expect(await store.head('inbox/pledges/plain.csv')).toStrictEqual({ key: 'inbox/pledges/plain.csv', size: 4 });
  });

  it('a store without prefix uses the bucket root', async () => {
    const store = new S3ObjectStore({ client: s3.client, bucket: s3.bucket });
    expect(store.location).toBe('s3://ipstats-test');
    await store.put('root-level-object.txt', 'r');
    const output = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: 'root-level-object.txt' }));
    expect(await output.Body?.transformToString()).toBe('r');
    await store.delete('root-level-object.txt');
  });

  it('putFile stores the file bytes only, without aws-chunked framing or checksum trailer', async () => {
    // With the SDK's default checksum setting s3rver would keep the chunk framing inside the object.
    const store = freshStore();
    const source = path.join(scratchDir, 'framing.csv');
    await writeFile(source, 'a,b\n专利,1\n');
    await store.putFile('raw/framing.csv', source);
    const keyInBucket = `${store.location.slice('s3://ipstats-test/'.length)}/raw/framing.csv`;
    const raw = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: keyInBucket }));
    expect(raw.ContentLength).toBe(Buffer.byteLength('a,b\n专利,1\n'));
    expect(await raw.Body?.transformToString()).toBe('a,b\n专利,1\n');
  });

  it('refuses, instead of returning wrong bytes, when the server ignores the range (s3rver and "bytes=0-0")', async () => {
    const store = freshStore();
    await store.put('digits.txt', '0123456789');
    await expect(store.getStream('digits.txt', { start: 0, end: 0 })).rejects.toThrow(
      `S3 GetObject for digits.txt in ${store.location} did not honour the byte range 0-0: the server sent bytes 0-9 of 10, expected 0-0`,
    );
  });

  it('keeps the SDK error as cause of ObjectNotFoundError', async () => {
    const store = freshStore();
    const error = await store.get('nope.json').catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(ObjectNotFoundError);
    expect(((error as Error).cause as Error).name).toBe('NoSuchKey');
  });

  it('reports a missing bucket as a failure, not as a missing object', async () => {
    const store = new S3ObjectStore({ client: s3.client, bucket: 'no-such-bucket-here' });
    await expect(store.get('a.txt')).rejects.toThrow(/^S3 GetObject failed for a\.txt in s3:\/\/no-such-bucket-here: NoSuchBucket: /);
    await expect(store.list('')).rejects.toThrow(/^S3 ListObjectsV2 failed for \* in s3:\/\/no-such-bucket-here: NoSuchBucket: /);
  });

  it('validates the bucket name and prefix', () => {
    expect(() => new S3ObjectStore({ client: s3.client, bucket: 'Bad_Bucket' })).toThrow(
      'invalid S3 bucket name "Bad_Bucket": expected 3-63 lowercase letters, digits, "." or "-"',
    );
    expect(() => new S3ObjectStore({ client: s3.client, bucket: 'ok-bucket', prefix: 'a/../b' })).toThrow(/^invalid object key "a\/\.\.\/b"/);
  });

  it('ifNoneMatch sends If-None-Match: * on the PUT (S3 enforces it atomically)', async () => {
    const store = freshStore();
    const sentHeaders: (string | undefined)[] = [];
    s3.client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { readonly method?: string; readonly headers?: Record<string, string> };
        if (request.method === 'PUT') sentHeaders.push(request.headers?.['if-none-match']);
        return next(args);
      },
      { step: 'finalizeRequest', name: 'recordIfNoneMatch' },
    );
    try {
      await store.put('once.txt', 'a', { ifNoneMatch: true });
      await store.put('twice.txt', 'a');
    } finally {
      s3.client.middlewareStack.remove('recordIfNoneMatch');
    }
    expect(sentHeaders).toEqual(['*', undefined]);
  });

  it('maps a 412 PreconditionFailed (losing the race on S3) to ObjectExistsError with cause', async () => {
    // s3rver never answers 412, so play S3's part: the HEAD finds nothing, then the PUT is refused.
    const store = freshStore();
    const refusal = Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), {
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
    s3.client.middlewareStack.add(
      (next) => async (args) => {
        if ((args.request as { readonly method?: string }).method === 'PUT') throw refusal;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'refusePut' },
    );
    let error: unknown;
    try {
      error = await store.put('raced.json', '{}', { ifNoneMatch: true }).catch((rejection: unknown) => rejection);
    } finally {
      s3.client.middlewareStack.remove('refusePut');
    }
    expect(error).toBeInstanceOf(ObjectExistsError);
    expect((error as ObjectExistsError).message).toBe(`object already exists: raced.json in ${store.location}`);
    expect((error as ObjectExistsError).cause).toBe(refusal);
  });
});
