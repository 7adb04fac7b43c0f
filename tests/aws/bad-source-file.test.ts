/**
 * Scenario (d) of issue 11, the fault "a bad file", on the deployed app in a box: a pledges CSV
 * whose header lacks required columns lands in the inbox. Through the S3 notification the
 * bundled `ingest` rejects it whole — a manifest `file_rejected` with the reason, nothing
 * curated, one warning line — and succeeds, so Lambda neither retries it nor sends it to the
 * dead-letter queue: another attempt would read the same bytes (docs/aws.md, docs/aws-runtime.md).
 * The monthly run then meets the file in its pending-sources step: the quality gate fails the
 * iteration and the run (docs/aws.md "Quality gate"), the monthly run's Catch publishes the error
 * to the alarm topic, and no view is refreshed and no report written or announced.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../etl/ingest/manifest.ts';
import { tempDir } from '../support/temp-dir.ts';
import { startAwsInABox, type AwsInABox } from './harness/aws-in-a-box.ts';
import { resourcesOfType } from './harness/cloudformation-template.ts';
import { structuredLogLines } from './harness/structured-logs.ts';
import type { ExecutionRecord } from './harness/task-integrations.ts';
import { subscribeTopicInbox, type TopicInbox } from './harness/topic-inbox.ts';
import { sharedIpstatsAssembly } from './harness/synthesize-app.ts';

const KEY = 'inbox/pledges/pledges-2025-07.csv';
/** The pledges header without 质押件数, 状态 and the pledgor's and pledgee's columns; the one row is made up. */
const BAD_FILE = '质押登记号,质押物类型,登记日\nP-2507,专利,2025-07-02\n';

describe('a source file rejected whole (moto, bundled ingest, exact monthly definition)', () => {
  let box: AwsInABox;
  let lake: string;
  let alarmInbox: TopicInbox;
  let runInbox: TopicInbox;

  beforeAll(async () => {
    const scratch = await tempDir('aws-bad-file');
    box = await startAwsInABox({ assemblyDir: await sharedIpstatsAssembly(), scratchDir: scratch });
    lake = box.bucket('LakeBucket');
    const subscriber = { sns: box.sns, motoEndpoint: box.moto.endpoint, account: box.account };
    alarmInbox = await subscribeTopicInbox({ ...subscriber, topicArn: topicArnOf('AlarmTopic'), queueName: 'alarm-topic-inbox' });
    runInbox = await subscribeTopicInbox({ ...subscriber, topicArn: topicArnOf('RunTopic'), queueName: 'run-topic-inbox' });
    await box.s3.send(new PutObjectCommand({ Bucket: lake, Key: 'config/cities.json', Body: await readFile(path.resolve('tests/fixtures/e2e/cities.json')) }));
  }, 120_000);
  afterAll(async () => {
    await box?.stop();
  });

  function topicArnOf(logicalIdPrefix: string): string {
    for (const stack of box.deployment.stacks) {
      const found = resourcesOfType(stack, 'AWS::SNS::Topic').find(([logicalId]) => logicalId.startsWith(logicalIdPrefix));
      if (found !== undefined) return box.deployment.physical(stack.stackName, found[0]).ref;
    }
    throw new Error(`no topic ${logicalIdPrefix}`);
  }

  it('is rejected whole by the S3-triggered ingest: a file_rejected manifest with the reason, nothing curated, no retry, no dead letter', async () => {
    const [delivery] = await box.putObject(lake, KEY, BAD_FILE);

    const outcome = delivery!.outcome;
    expect(outcome.status).toBe('succeeded');
    const result = (outcome.status === 'succeeded' ? outcome.result : {}) as { results: { key: string; status: string; rejectRate: number; error: string; manifestKey: string }[] };
    expect(result.results.map((summary) => [summary.key, summary.status, summary.rejectRate])).toEqual([[KEY, 'file_rejected', 1]]);
    expect(result.results[0]!.error).toMatch(/header lacks required columns/);
    expect(box.lambda.invocations).toHaveLength(1);
    expect(await box.deadLetters('IngestFunction')).toEqual([]);

    const manifest = ManifestSchema.parse(
      JSON.parse(await (await box.s3.send(new GetObjectCommand({ Bucket: lake, Key: result.results[0]!.manifestKey }))).Body!.transformToString('utf8')),
    );
    expect([manifest.status, manifest.error]).toEqual(['file_rejected', result.results[0]!.error]);
    expect(await box.keysUnder(lake, 'curated/pledges/')).toEqual([]);

    const warnings = structuredLogLines(outcome.logs).filter((line) => line.level === 'WARN');
    expect(warnings.map((line) => [line.message, line['key']])).toEqual([['file rejected', KEY]]);
    // Logs carry keys and counts, never row values.
    expect(outcome.logs.join('\n')).not.toContain('P-2507');
  });

  describe('then the monthly run', () => {
    let execution: ExecutionRecord;

    beforeAll(async () => {
      execution = await box.stepFunctions.run('MonthlyRun', {});
    }, 120_000);

    it("fails at the pending-sources quality gate, through the monthly run's Catch", () => {
      const pending = box.stepFunctions.executions.find((record) => record.parentExecutionArn === execution.executionArn);
      // A file_rejected manifest is not a reason to skip: ingest reads the file again, rejects it again, and the gate names it, with the reason.
      expect([pending?.status, pending?.error, pending?.cause]).toEqual(['FAILED', 'SourceFileRejected', expect.stringMatching(/was rejected whole: .*header lacks required columns/)]);
      expect(pending?.cause).toContain(KEY);
      expect(execution.status).toBe('FAILED');
      const entered = execution.events.filter((event) => event.type === 'StateEntered').map((event) => (event as unknown as { state: { name: string } }).state.name);
      expect(entered).toEqual(expect.arrayContaining(['IngestPendingSources', 'PublishFailure', 'RunFailed']));
      expect(entered).not.toContain('PublishCityConfig');
    });

    it('publishes the error to the alarm topic, naming the execution and the file', async () => {
      const alarms = await alarmInbox.read();
      expect(alarms).toHaveLength(1);
      expect(alarms[0]!.subject).toBe('ipstats monthly run FAILED');
      const alarm = JSON.parse(alarms[0]!.message) as { execution: string; error: string; cause: string };
      expect([alarm.execution, alarm.error]).toEqual([execution.executionArn, execution.error]);
      expect(alarm.cause).toContain(KEY);
    });

    it('refreshes no view and writes or announces no report', async () => {
      const called = new Set(box.lambda.invocations.map((invocation) => invocation.function.logicalId.replace(/[0-9A-F]{8}$/, '')));
      expect([...called]).toEqual(['IngestFunction']);
      expect(await box.keysUnder(box.bucket('ReportsBucket'), '')).toEqual([]);
      expect(await runInbox.read()).toEqual([]);
    });
  });
});
