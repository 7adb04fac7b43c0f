/**
 * Runs a Lambda handler module locally against s3rver: the environment the stack would set, with
 * IPSTATS_S3_ENDPOINT pointing the S3 object store at s3rver, set before the handler is imported
 * (handlers read their configuration at cold start).
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import type { ObjectStore } from '../../../etl/lake/object-store.ts';
import type { RunningS3rver } from '../../support/s3rver.ts';

export function lambdaEnv(s3: RunningS3rver, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    IPSTATS_S3_ENDPOINT: s3.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    ...extra,
  });
}

export async function putFileObject(s3: RunningS3rver, key: string, filePath: string): Promise<void> {
  await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: await readFile(filePath) }));
}

/** An S3 ObjectCreated notification, keys URL-encoded the way S3 sends them (space → "+"). */
export function s3Event(bucket: string, keys: readonly string[], sizes: readonly number[] = []) {
  return {
    Records: keys.map((key, index) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'cn-northwest-1',
      eventTime: '2025-07-05T02:00:00.000Z',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'inbox',
        bucket: { name: bucket, arn: `arn:aws-cn:s3:::${bucket}` },
        object: { key: encodeURIComponent(key).replaceAll('%2F', '/').replaceAll('%20', '+'), size: sizes[index] ?? 1, eTag: 'd41d8cd98f00b204e9800998ecf8427e', sequencer: '0' },
      },
    })),
  };
}

/** Every object under the store except `excludedPrefixes`, with its bytes, sorted by key. */
export async function objectsOf(store: ObjectStore, excludedPrefixes: readonly string[] = []): Promise<Map<string, Buffer>> {
  const objects = new Map<string, Buffer>();
  for (const { key } of await store.list('')) {
    if (excludedPrefixes.some((prefix) => key.startsWith(prefix))) continue;
    objects.set(key, Buffer.from(await store.get(key)));
  }
  return objects;
}

export function localLake(dir: string): LocalObjectStore {
  return new LocalObjectStore(dir);
}
