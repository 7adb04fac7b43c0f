/** The boundary of the Lambdas: S3 event keys, inbox keys, events and environment, with the messages they fail with. */
import { describe, expect, it } from 'vitest';
import { parseIngestEvent } from '../../../etl/aws/ingest-event.ts';
import { parseInboxKey } from '../../../etl/aws/inbox-key.ts';
import { summaryOf } from '../../../etl/aws/ingest-summary.ts';
import { IngestEnvSchema, parseRuntimeEnv, ReportEnvSchema } from '../../../etl/aws/runtime-env.ts';
import { createdObjects, decodeS3EventKey } from '../../../etl/aws/s3-event.ts';
import type { Manifest } from '../../../etl/ingest/manifest.ts';

describe('S3 event keys', () => {
  it('decodes keys as S3 encodes them: + for a space, %XX for UTF-8 bytes, %2B for a plus', () => {
    expect(decodeS3EventKey('inbox/patents/2025+%E4%B8%8A%E5%8D%8A%E5%B9%B4.csv')).toBe('inbox/patents/2025 上半年.csv');
    expect(decodeS3EventKey('inbox/patents/a%2Bb.csv')).toBe('inbox/patents/a+b.csv');
  });

  it('refuses a key that is not valid URL encoding', () => {
    expect(() => decodeS3EventKey('inbox/patents/%E4%B8.csv')).toThrow('S3 event key "inbox/patents/%E4%B8.csv" is not valid URL encoding');
  });

  it('keeps every created object of the event, in order, and leaves other event kinds out', () => {
    const record = (eventName: string, key: string) => ({ eventName, s3: { bucket: { name: 'lake' }, object: { key, size: 10, eTag: 'e' } } });
    const objects = createdObjects({ Records: [record('ObjectCreated:Put', 'inbox/a/1.csv'), record('ObjectRemoved:Delete', 'inbox/a/2.csv'), record('ObjectCreated:CompleteMultipartUpload', 'inbox/a/3.csv')] });
    expect(objects).toEqual([
      { bucket: 'lake', key: 'inbox/a/1.csv', size: 10, eTag: 'e' },
      { bucket: 'lake', key: 'inbox/a/3.csv', size: 10, eTag: 'e' },
    ]);
  });
});

describe('parseInboxKey', () => {
  it('reads the dataset from the folder and keeps the file name', () => {
    expect(parseInboxKey('inbox/trademark_events/商标 2025.csv')).toEqual({ dataset: 'trademark_events', fileName: '商标 2025.csv' });
  });

  it.each([
    ['raw/patents/a.csv', /^object "raw\/patents\/a.csv" is not in the inbox: expected inbox\/<dataset>\/<file>.csv/],
    ['inbox/patents/2025/a.csv', /^object "inbox\/patents\/2025\/a.csv" is not directly in a dataset folder/],
    ['inbox/patent/a.csv', /^object "inbox\/patent\/a.csv" is in an unknown dataset folder "patent": expected .*patents, patent_events/],
  ])('refuses %s', (key, message) => {
    expect(() => parseInboxKey(key)).toThrow(message);
  });
});

describe('parseIngestEvent', () => {
  it('tells the forms apart by their distinctive field', () => {
    expect(parseIngestEvent({ publish: 'city_config' }).kind).toBe('city-config');
    expect(parseIngestEvent({ dataset: 'patents', url: 'https://example.gov.cn/a.csv' }).kind).toBe('url');
    expect(parseIngestEvent({ dataset: 'patents', key: 'inbox/patents/a.csv' }).kind).toBe('object');
  });

  it("names what is wrong with the form it recognised, not the union's vague error", () => {
    expect(() => parseIngestEvent({ dataset: 'patents', url: 'http://example.gov.cn/a.csv' })).toThrow(
      /^the ingest function got an event it does not understand: ✖ expected an https:\/\/ URL → at url; expected /,
    );
    expect(() => parseIngestEvent({ dataset: 'patentz', key: 'k' })).toThrow(/✖ Invalid option: expected one of .* → at dataset/);
  });
});

describe('parseRuntimeEnv', () => {
  it('applies the defaults', () => {
    expect(parseRuntimeEnv(IngestEnvSchema, { IPSTATS_LAKE_BUCKET: 'ipstats-lake' }, 'ingest')).toEqual({
      IPSTATS_LAKE_BUCKET: 'ipstats-lake',
      IPSTATS_CITY_CONFIG_KEY: 'config/cities.json',
      IPSTATS_MAX_SOURCE_BYTES: 2 * 1024 ** 3,
      IPSTATS_SOURCE_DOWNLOAD_TIMEOUT_MS: 600_000,
      IPSTATS_LARGE_SOURCE_BYTES: 512 * 1024 ** 2,
    });
  });

  it('names every missing or bad variable with the value seen; an empty variable counts as unset', () => {
    expect(() => parseRuntimeEnv(ReportEnvSchema, { IPSTATS_LAKE_BUCKET: 'Bad_Bucket', IPSTATS_ATHENA_WORKGROUP: '' }, 'report')).toThrow(
      'the report function is misconfigured: IPSTATS_ATHENA_WORKGROUP: is required; IPSTATS_ATHENA_DATABASE: is required; ' +
        'IPSTATS_LAKE_BUCKET: expected an S3 bucket name (3-63 lowercase letters, digits, "." or "-") (got "Bad_Bucket")',
    );
  });
});

describe('summaryOf', () => {
  const manifest = (status: 'ingested' | 'file_rejected', read: number, rejected: number) =>
    ({ dataset: 'pledges', status, error: status === 'file_rejected' ? 'missing column 登记日期' : null, source: { sha256: 'a'.repeat(64) }, rows: { read, accepted: read - rejected, rejected } }) as unknown as Manifest;

  it('gives the share of rejected rows, 0 for a file without rows and 1 for a file rejected whole', () => {
    expect(summaryOf('k', manifest('ingested', 8, 2), 'm', false)).toMatchObject({ status: 'ingested', rejectRate: 0.25, rowsAccepted: 6 });
    expect(summaryOf('k', manifest('ingested', 0, 0), 'm', true)).toMatchObject({ status: 'skipped', rejectRate: 0 });
    expect(summaryOf('k', manifest('file_rejected', 0, 0), 'm', false)).toMatchObject({ status: 'file_rejected', rejectRate: 1, error: 'missing column 登记日期' });
  });
});
