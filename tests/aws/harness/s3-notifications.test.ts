/** The harness routes an object to the functions S3 would notify, with the event S3 would send. */
import { describe, expect, it } from 'vitest';
import { MOTO_ACCOUNT } from './local-account.ts';
import { notifiedFunctions, objectCreatedEvent, type LambdaNotification } from './s3-notifications.ts';

const notifications: LambdaNotification[] = [
  { bucket: 'lake', events: ['s3:ObjectCreated:*'], prefix: 'inbox/', suffix: '', functionArn: 'ingest' },
  { bucket: 'lake', events: ['s3:ObjectCreated:Copy'], prefix: '', suffix: '.json', functionArn: 'copies' },
];

describe('notifiedFunctions', () => {
  it('matches the bucket, the event type (with *) and the prefix and suffix filters', () => {
    expect(notifiedFunctions(notifications, 'lake', 'inbox/patents/a.csv', 'ObjectCreated:Put')).toEqual(['ingest']);
    expect(notifiedFunctions(notifications, 'lake', 'uploads/a.csv', 'ObjectCreated:Put')).toEqual([]);
    expect(notifiedFunctions(notifications, 'other', 'inbox/patents/a.csv', 'ObjectCreated:Put')).toEqual([]);
    expect(notifiedFunctions(notifications, 'lake', 'inbox/x.json', 'ObjectCreated:Copy')).toEqual(['ingest', 'copies']);
    expect(notifiedFunctions(notifications, 'lake', 'x.json', 'ObjectCreated:Put')).toEqual([]);
  });
});

describe('objectCreatedEvent', () => {
  it('encodes the key as S3 does (a space as +, other characters percent-encoded, / kept)', () => {
    const event = objectCreatedEvent(MOTO_ACCOUNT, { bucket: 'lake', key: 'inbox/patents/2025 上半年.csv', size: 3, eTag: '"abc"' });
    expect(event.Records[0]!.s3.object).toMatchObject({ key: 'inbox/patents/2025+%E4%B8%8A%E5%8D%8A%E5%B9%B4.csv', size: 3, eTag: 'abc' });
    expect(event.Records[0]!.eventName).toBe('ObjectCreated:Put');
  });
});
