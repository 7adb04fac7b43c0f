import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { openObjectStore, parseS3Url } from '../../../etl/lake/open-object-store.ts';
import { S3ObjectStore } from '../../../etl/lake/s3-object-store.ts';
import { startS3rver, type RunningS3rver } from '../../support/s3rver.ts';

describe('parseS3Url', () => {
  it.each([
    ['s3://bucket', { bucket: 'bucket', prefix: '' }],
    ['s3://bucket/', { bucket: 'bucket', prefix: '' }],
    ['s3://bucket/lake', { bucket: 'bucket', prefix: 'lake' }],
    ['s3://bucket/team/lake/', { bucket: 'bucket', prefix: 'team/lake' }],
  ])('%s', (url, expected) => {
    expect(parseS3Url(url)).toEqual(expected);
  });

  it('needs a bucket', () => {
    expect(() => parseS3Url('s3:///lake')).toThrow('invalid S3 URL "s3:///lake": expected s3://bucket or s3://bucket/prefix');
  });
});

describe('openObjectStore', () => {
  it('opens a folder path as a local store at its absolute path', () => {
    const store = openObjectStore('lake');
    expect(store).toBeInstanceOf(LocalObjectStore);
    expect(store.location).toBe(path.resolve('lake'));
  });

  it('opens a file:// URL as a local store', () => {
    const folder = path.join(tmpdir(), 'ipstats lake 湖');
    const store = openObjectStore(pathToFileURL(folder).href);
    expect(store).toBeInstanceOf(LocalObjectStore);
    expect(store.location).toBe(folder);
  });

  it('opens s3://bucket/prefix as an S3 store', () => {
    const store = openObjectStore('s3://ipstats-lake-prod/lake/', {});
    expect(store).toBeInstanceOf(S3ObjectStore);
    expect(store.location).toBe('s3://ipstats-lake-prod/lake');
  });

  it('refuses other URL schemes instead of making a folder of them', () => {
    expect(() => openObjectStore('gs://bucket/lake')).toThrow(
      'unsupported lake location "gs://bucket/lake": expected a folder path, file:// URL or s3://bucket/prefix',
    );
    expect(() => openObjectStore('  ')).toThrow('empty lake location: expected a folder path or s3://bucket/prefix');
  });

  it('builds S3 clients that compute checksums only when required', async () => {
    const store = openObjectStore('s3://ipstats-lake-prod/lake', {});
    const client = (store as unknown as { readonly client: { readonly config: Record<string, unknown> } }).client;
    const requestSetting = client.config.requestChecksumCalculation as () => Promise<string>;
    const responseSetting = client.config.responseChecksumValidation as () => Promise<string>;
    expect(await requestSetting()).toBe('WHEN_REQUIRED');
    expect(await responseSetting()).toBe('WHEN_REQUIRED');
  });

  describe('with IPSTATS_S3_ENDPOINT pointing at s3rver', () => {
    let s3: RunningS3rver;
    beforeAll(async () => {
      s3 = await startS3rver();
    });
    afterAll(async () => {
      await s3.stop();
    });

    it('reads and writes through the endpoint with path-style URLs', async () => {
      const env = {
        IPSTATS_S3_ENDPOINT: s3.endpoint,
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
      };
      // The SDK's default credential chain reads process.env, so lend it the s3rver keys.
      const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
      process.env.AWS_ACCESS_KEY_ID = env.AWS_ACCESS_KEY_ID;
      process.env.AWS_SECRET_ACCESS_KEY = env.AWS_SECRET_ACCESS_KEY;
      try {
        const store = openObjectStore(`s3://${s3.bucket}/via-env`, env);
        await store.put('reports/440300/2024-06/report.json', '{"城市":"深圳"}');
        expect(await store.getText('reports/440300/2024-06/report.json')).toBe('{"城市":"深圳"}');
        expect(await store.list('reports/')).toEqual([{ key: 'reports/440300/2024-06/report.json', size: 19 }]);
      } finally {
        restore('AWS_ACCESS_KEY_ID', saved.id);
        restore('AWS_SECRET_ACCESS_KEY', saved.secret);
      }
    });
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
