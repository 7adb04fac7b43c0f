/**
 * Scenario (e) of issue 11, on the deployed app in a box: objects that are not source files of
 * a known dataset are left where they are, with a log line saying why — by both paths the
 * template wires: the S3 notification (its prefix filter keeps other prefixes from reaching
 * `ingest` at all; `ingest` leaves an unknown dataset folder or a README with a warning instead
 * of failing into its dead-letter queue), and the pending-sources state machine (it leaves the
 * same objects in the inbox and ingests the rest, instead of failing the run).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { startAwsInABox, type AwsInABox } from './harness/aws-in-a-box.ts';
import { structuredLogLines } from './harness/structured-logs.ts';
import { sharedIpstatsAssembly } from './harness/synthesize-app.ts';

const SAMPLE = path.resolve('samples/default/patents/patents_2019.csv');

describe('stray objects in the lake bucket of the deployed app (moto, bundled ingest, exact state machine)', () => {
  let box: AwsInABox;
  let lake: string;
  let source: Buffer;

  beforeAll(async () => {
    const scratch = await tempDir('aws-stray');
    box = await startAwsInABox({ assemblyDir: await sharedIpstatsAssembly(), scratchDir: scratch });
    lake = box.bucket('LakeBucket');
    source = await readFile(SAMPLE);
  }, 120_000);
  afterAll(async () => {
    await box?.stop();
  });

  it('never reaches ingest from outside inbox/: the notification filter keeps it out', async () => {
    expect(await box.putObject(lake, 'uploads/patents/patents_2019.csv', source)).toEqual([]);
    expect(await box.keysUnder(lake, '')).toEqual(['uploads/patents/patents_2019.csv']);
  });

  it.each([
    ['an unknown dataset folder', 'inbox/patentz/patents_2019.csv', 'not in a dataset folder of the inbox, left where it is', /unknown dataset folder "patentz"/],
    ['no dataset folder', 'inbox/patents_2019.csv', 'not in a dataset folder of the inbox, left where it is', /not directly in a dataset folder/],
    ['a README in a dataset folder', 'inbox/patents/README.md', 'not a source file, left in the inbox', undefined],
  ])('leaves an object in %s where it is, with a warning, without retries or a dead letter', async (_case, key, message, reason) => {
    const before = await box.keysUnder(lake, '');
    const deliveries = await box.putObject(lake, key, source);

    expect(deliveries).toHaveLength(1);
    const outcome = deliveries[0]!.outcome;
    expect(outcome.status === 'succeeded' && outcome.result).toEqual({ results: [], ignored: [key], delegated: [] });
    const warnings = structuredLogLines(outcome.logs).filter((line) => line.level === 'WARN');
    expect(warnings).toEqual([expect.objectContaining({ message, key })]);
    if (reason !== undefined) expect(warnings[0]!.reason).toMatch(reason);
    expect(box.lambda.invocations.filter((invocation) => (invocation.event as { Records?: { s3: { object: { key: string } } }[] }).Records?.[0]?.s3.object.key === key)).toHaveLength(1);
    expect(await box.keysUnder(lake, '')).toEqual([...before, key].sort());
    expect(await box.deadLetters('IngestFunction')).toEqual([]);
  });

  it('is left in the inbox by the pending-sources run the daily schedule starts, which ingests the source files beside it and succeeds', async () => {
    const good = 'inbox/patents/patents_2019.csv';
    await box.s3.send(new PutObjectCommand({ Bucket: lake, Key: good, Body: source }));
    const invocationsBefore = box.lambda.invocations.length;

    const execution = await box.fireSchedule('SchedulesDailyIngestion');

    expect([execution.status, execution.error, execution.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
    expect(box.stepFunctions.machine(execution.executionArn.split(':')[6]!).logicalId).toMatch(/^PendingSourcesIngestion/);
    const output = execution.output as { key: string; status?: string; leftInTheInbox?: string }[];
    expect(output.map((entry) => [entry.key, entry.status ?? (entry.leftInTheInbox === undefined ? 'not a source file (outside a dataset folder)' : 'left in the inbox')])).toEqual([
      ['inbox/patents/README.md', 'left in the inbox'],
      ['inbox/patents/patents_2019.csv', 'ingested'],
      ['inbox/patents_2019.csv', 'not a source file (outside a dataset folder)'],
      ['inbox/patentz/patents_2019.csv', 'left in the inbox'],
    ]);
    expect(output[0]!.leftInTheInbox).toMatch(/^not a source file in a dataset folder, left where it is: expected inbox\/<dataset>\/<file>/);
    // Only the source file reached the function.
    expect(box.lambda.invocations.slice(invocationsBefore).map((invocation) => invocation.event)).toEqual([{ dataset: 'patents', key: good }]);
  });
});
