/**
 * Scenario (c) of issue 11, the monthly run on the deployed app in a box: the e2e fixture's
 * source files wait in the lake bucket's inbox and the city configuration is uploaded, then the
 * monthly schedule fires (as EventBridge Scheduler does on the 5th at 06:00 Asia/Shanghai: the
 * state machine started with the schedule's input) and the monthly state machine runs its exact definition — pending sources (the bundled `ingest`, one
 * file at a time, with the reject-rate gate) → `{ publish: city_config }` → `refresh-views`
 * through the Athena stand-in → `report` for every configured city → the run topic. Each city's
 * report.json/html/xlsx land in the reports bucket on moto, with the figures hand-computed for
 * the fixture (tests/e2e/expected-figures.ts, the figures `ipstats run` gives on the same input);
 * each city's topic on moto delivers one notification, read back through an SQS queue
 * subscribed to it, whose links open the files on moto and are signed by the link signer's key
 * for 7 days. moto does not enforce a presigned URL's expiry (nor check its signature), so the
 * expiry is proven by recomputing the signature: the URL is exactly the one SigV4 gives for the
 * signer's key, the signing time and X-Amz-Expires=604800, and S3 refuses it after that window.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../etl/lake/s3-object-store.ts';
import { SHANGHAI_DATA_QUALITY, SHANGHAI_GI_OUTPUT, SHANGHAI_INDICATORS, SHENZHEN_DATA_QUALITY, SHENZHEN_GI_OUTPUT, SHENZHEN_INDICATORS } from '../e2e/expected-figures.ts';
import { headlinesOf } from '../../etl/reports/peers/peer-headlines.ts';
import { rankPeers } from '../../etl/reports/peers/rank-peers.ts';
import type { Report } from '../../etl/reports/report-schema.ts';
import { TEST_CITIES } from '../infra/support/synth-ipstats.ts';
import { compileReportSchema } from '../support/report-schema-validator.ts';
import { tempDir } from '../support/temp-dir.ts';
import { startAwsInABox, type AwsInABox } from './harness/aws-in-a-box.ts';
import { resourcesOfType } from './harness/cloudformation-template.ts';
import type { ExecutionRecord } from './harness/task-integrations.ts';
import { subscribeTopicInbox, type TopicInbox, type TopicNotification } from './harness/topic-inbox.ts';
import { synthesizeIpstats } from './harness/synthesize-app.ts';

const FIXTURE = path.resolve('tests/fixtures/e2e');
const PERIOD = '2025-06';
const LINK_EXPIRY_SECONDS = 7 * 24 * 3600;
/** Three fixture files reject 1 row in 14–15 (about 7 %), above the default 5 %: this deployment sets `ipstats:rejectRateThreshold` to 0.1. */
const REJECT_RATE_THRESHOLD = 0.1;
const EXPECTED: Readonly<Record<string, { indicators: object; giOutput: object; dataQuality: object }>> = {
  '310000': { indicators: SHANGHAI_INDICATORS, giOutput: SHANGHAI_GI_OUTPUT, dataQuality: SHANGHAI_DATA_QUALITY },
  '440300': { indicators: SHENZHEN_INDICATORS, giOutput: SHENZHEN_GI_OUTPUT, dataQuality: SHENZHEN_DATA_QUALITY },
};

describe('the monthly run of the deployed app (moto, bundled functions, Athena stand-in, exact definition)', () => {
  let box: AwsInABox;
  let lake: string;
  let reportsBucket: string;
  let execution: ExecutionRecord;
  let cityInboxes: Record<string, TopicInbox>;
  let runInbox: TopicInbox;
  let alarmInbox: TopicInbox;
  let cityNotifications: Record<string, TopicNotification[]>;

  beforeAll(async () => {
    const scratch = await tempDir('aws-monthly-run');
    const assemblyDir = synthesizeIpstats(path.join(scratch, 'cdk.out'), { 'ipstats:rejectRateThreshold': REJECT_RATE_THRESHOLD });
    box = await startAwsInABox({ assemblyDir, scratchDir: scratch, athena: true });
    lake = box.bucket('LakeBucket');
    reportsBucket = box.bucket('ReportsBucket');
    const report = box.lambda.function('ReportFunction');
    const cityTopics = JSON.parse(report.environment['IPSTATS_CITY_TOPIC_ARNS']!) as Record<string, string>;
    cityInboxes = Object.fromEntries(
      await Promise.all(Object.entries(cityTopics).map(async ([city, topicArn]) => [city, await subscribeTopicInbox({ ...subscriber(), topicArn, queueName: `city-${city}-inbox` })] as const)),
    );
    runInbox = await subscribeTopicInbox({ ...subscriber(), topicArn: topicArnOf('RunTopic'), queueName: 'run-topic-inbox' });
    alarmInbox = await subscribeTopicInbox({ ...subscriber(), topicArn: topicArnOf('AlarmTopic'), queueName: 'alarm-topic-inbox' });

    await put(lake, report.environment['IPSTATS_CITY_CONFIG_KEY'] ?? 'config/cities.json', await readFile(path.join(FIXTURE, 'cities.json')));
    for (const dataset of await readdir(path.join(FIXTURE, 'input'))) {
      for (const file of await readdir(path.join(FIXTURE, 'input', dataset))) {
        // Put without the S3 notification: the files wait for the run's pending-sources step.
        await put(lake, `inbox/${dataset}/${file}`, await readFile(path.join(FIXTURE, 'input', dataset, file)));
      }
    }

    execution = await box.fireSchedule('SchedulesMonthlyRun');
    cityNotifications = Object.fromEntries(await Promise.all(Object.entries(cityInboxes).map(async ([city, inbox]) => [city, await inbox.read()] as const)));
  }, 240_000);
  afterAll(async () => {
    await box?.stop();
  });

  function subscriber() {
    return { sns: box.sns, motoEndpoint: box.moto.endpoint, account: box.account };
  }

  function topicArnOf(logicalIdPrefix: string): string {
    for (const stack of box.deployment.stacks) {
      const found = resourcesOfType(stack, 'AWS::SNS::Topic').find(([logicalId]) => logicalId.startsWith(logicalIdPrefix));
      if (found !== undefined) return box.deployment.physical(stack.stackName, found[0]).ref;
    }
    throw new Error(`no topic ${logicalIdPrefix}`);
  }

  async function put(bucket: string, key: string, body: Uint8Array): Promise<void> {
    await box.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  }

  async function text(bucket: string, key: string): Promise<string> {
    return (await box.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString('utf8');
  }

  it('is started by the monthly schedule, on day 5 at 06:00 Asia/Shanghai, with the schedule\'s input', () => {
    const schedule = box.schedules.find((one) => one.logicalId.startsWith('SchedulesMonthlyRun'))!;
    expect([schedule.expression, schedule.timeZone, schedule.enabled, schedule.input]).toEqual(['cron(0 6 5 * ? *)', 'Asia/Shanghai', true, {}]);
    expect(box.stepFunctions.machine(execution.executionArn.split(':')[6]!).logicalId).toMatch(/^MonthlyRun/);
    expect(execution.input).toEqual({});
  });

  it('succeeds through every step of the definition, in order, for the default month', () => {
    expect([execution.status, execution.error, execution.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
    const entered = execution.events.filter((event) => event.type === 'StateEntered').map((event) => (event as unknown as { state: { name: string } }).state.name);
    const firstEntry = (name: string) => entered.indexOf(name);
    const steps = ['ApplyDefaults', 'IngestPendingSources', 'PublishCityConfig', 'RefreshViews', 'AssembleEachCity', 'ReportEachCity', 'WriteIndex', 'NotifyRunFinished', 'Done'];
    expect(steps.map(firstEntry).every((index, i, all) => index >= 0 && (i === 0 || index > all[i - 1]!))).toBe(true);
    const output = execution.output as { period: string | null; cities: string[]; reports: { city: string; period: string }[] };
    expect(output.cities).toEqual([...TEST_CITIES]);
    expect(output.reports.map((report) => [report.city, report.period])).toEqual(TEST_CITIES.map((city) => [city, PERIOD]));
  });

  it('ingested every fixture file through the pending-sources run and its quality gate', () => {
    const pending = box.stepFunctions.executions.find((record) => record.parentExecutionArn === execution.executionArn);
    expect(pending?.status).toBe('SUCCEEDED');
    const summaries = pending!.output as { key: string; status: string; rowsRead: number; rowsRejected: number }[];
    expect(summaries.map((summary) => summary.status)).toEqual(Array(9).fill('ingested'));
    // What `ipstats run` says of the same input: 89 rows read, 4 rejected.
    expect([summaries.reduce((sum, s) => sum + s.rowsRead, 0), summaries.reduce((sum, s) => sum + s.rowsRejected, 0)]).toEqual([89, 4]);
  });

  it('created every view of sql/ on Athena (the stand-in) before any report query', async () => {
    const statements = box.athena!.executions();
    const views = statements.filter((statement) => /^\s*CREATE OR REPLACE VIEW/i.test(statement.query));
    const sqlFiles = (await Promise.all(['staging', 'intermediate', 'marts'].map((layer) => readdir(path.resolve('sql', layer))))).flat();
    expect(views).toHaveLength(sqlFiles.length);
    expect(views.every((view) => view.state === 'SUCCEEDED')).toBe(true);
    const lastView = statements.lastIndexOf(views.at(-1)!);
    expect(statements.slice(0, lastView).some((statement) => !/^\s*CREATE OR REPLACE VIEW/i.test(statement.query))).toBe(false);
  });

  it.each(TEST_CITIES)('wrote report.json, .html, .xlsx and report.schema.json of %s to the reports bucket on moto', async (city) => {
    expect(await box.keysUnder(reportsBucket, `reports/city=${city}/`)).toEqual(
      ['report.html', 'report.json', 'report.schema.json', 'report.xlsx'].map((file) => `reports/city=${city}/period=${PERIOD}/${file}`),
    );
  });

  it.each(TEST_CITIES)('published with report.json of %s the JSON Schema it keeps: docs/report.schema.json, byte for byte, and ajv finds the report valid', async (city) => {
    const schemaText = await text(reportsBucket, `reports/city=${city}/period=${PERIOD}/report.schema.json`);
    expect(schemaText).toBe(await readFile(path.resolve('docs/report.schema.json'), 'utf8'));
    const report: unknown = JSON.parse(await text(reportsBucket, `reports/city=${city}/period=${PERIOD}/report.json`));
    expect(compileReportSchema(schemaText)(report)).toEqual({ valid: true, errors: [] });
  });

  it('ranks every city among all the run’s cities, writes the month’s index files, and leaves no staged copy', async () => {
    const reports = await Promise.all(
      TEST_CITIES.map(async (city) => JSON.parse(await text(reportsBucket, `reports/city=${city}/period=${PERIOD}/report.json`)) as Report),
    );
    // The ranks recomputed from the two published reports' own figures are the ones each carries.
    const expected = rankPeers({ period: PERIOD, peers: reports.map(headlinesOf) });
    for (const report of reports) {
      expect(report.peer_ranks.cities).toEqual([...TEST_CITIES].sort());
      expect(report.peer_ranks.missing).toEqual([]);
      expect(report.peer_ranks).toEqual(expected.get(report.city.code));
    }
    expect(await box.keysUnder(reportsBucket, 'index/')).toEqual(['index.html', 'index.json', 'index.xlsx'].map((file) => `index/period=${PERIOD}/${file}`));
    const index = JSON.parse(await text(reportsBucket, `index/period=${PERIOD}/index.json`)) as { cities: { code: string; status: string }[]; rows: { city_code: string; indicator: string; measure: string; value: number | null }[] };
    expect(index.cities.map((city) => [city.code, city.status])).toEqual([...TEST_CITIES].sort().map((code) => [code, 'reported']));
    for (const report of reports) {
      for (const [id, rank] of Object.entries(report.peer_ranks.by_indicator)) {
        expect(index.rows.find((row) => row.city_code === report.city.code && row.indicator === id && row.measure === 'rank')?.value, `${report.city.code} ${id}`).toBe(rank.rank);
      }
    }
    expect(await box.keysUnder(reportsBucket, 'reports/.ipstats-staging/')).toEqual([]);
  });

  it.each(TEST_CITIES)("report.json of %s carries the figures `ipstats run` gives on the same fixture", async (city) => {
    const report = JSON.parse(await text(reportsBucket, `reports/city=${city}/period=${PERIOD}/report.json`)) as Record<string, unknown>;
    expect([report['period'], (report['city'] as { code: string }).code]).toEqual([PERIOD, city]);
    expect(report['indicators']).toEqual(EXPECTED[city]!.indicators);
    expect(report['gi_output']).toEqual(EXPECTED[city]!.giOutput);
    expect(report['data_quality']).toEqual(EXPECTED[city]!.dataQuality);
  });

  it.each(TEST_CITIES)('published one notification to the topic of %s, naming the city and the month', (city) => {
    const received = cityNotifications[city]!;
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe(`ipstats monthly IP report ${city} ${PERIOD}`);
    expect(received[0]!.attributes).toEqual({ city_code: city, period: PERIOD });
    const reportResult = (execution.output as { reports: { city: string; notification: string }[] }).reports.find((report) => report.city === city);
    expect(reportResult?.notification).toBe(received[0]!.messageId);
  });

  it.each(TEST_CITIES)('sends %s links that open each file on moto', async (city) => {
    const links = linksOf(cityNotifications[city]![0]!.message);
    expect(links.map((link) => path.posix.basename(link.pathname))).toEqual(['report.html', 'report.xlsx', 'report.json']);
    for (const link of links) {
      const key = decodeURIComponent(link.pathname.slice(`/${reportsBucket}/`.length));
      expect(key).toBe(`reports/city=${city}/period=${PERIOD}/${path.posix.basename(link.pathname)}`);
      const response = await fetch(link);
      expect(response.status).toBe(200);
      const stored = await box.s3.send(new GetObjectCommand({ Bucket: reportsBucket, Key: key }));
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(await stored.Body!.transformToByteArray()))).toBe(true);
    }
  });

  it.each(TEST_CITIES)("signs the links of %s with the link signer's key for exactly 7 days (the signature recomputed: moto enforces neither)", async (city) => {
    const report = box.lambda.function('ReportFunction');
    const secrets = new SecretsManagerClient({ endpoint: box.moto.endpoint, region: box.account.region, credentials: box.account.credentials });
    const signer = JSON.parse((await secrets.send(new GetSecretValueCommand({ SecretId: report.environment['IPSTATS_LINK_SIGNER_SECRET_ARN'] }))).SecretString!) as {
      accessKeyId: string;
      secretAccessKey: string;
    };
    secrets.destroy();
    const client = createS3Client({ endpoint: box.moto.endpoint, region: box.account.region, credentials: signer });
    try {
      for (const link of linksOf(cityNotifications[city]![0]!.message)) {
        const query = link.searchParams;
        expect(query.get('X-Amz-Expires')).toBe(String(LINK_EXPIRY_SECONDS));
        expect(query.get('X-Amz-Credential')).toMatch(new RegExp(`^${signer.accessKeyId}/\\d{8}/${box.account.region}/s3/aws4_request$`));
        expect(query.has('X-Amz-Security-Token')).toBe(false);
        const signedAt = signingDateOf(query.get('X-Amz-Date')!);
        expect(signedAt.getTime()).toBeGreaterThanOrEqual(Math.floor(execution.startDate.getTime() / 1000) * 1000);
        expect(signedAt.getTime()).toBeLessThanOrEqual(execution.stopDate.getTime());
        const key = decodeURIComponent(link.pathname.slice(`/${reportsBucket}/`.length));
        const expected = new URL(await getSignedUrl(client, new GetObjectCommand({ Bucket: reportsBucket, Key: key }), { expiresIn: LINK_EXPIRY_SECONDS, signingDate: signedAt }));
        expect(query.get('X-Amz-Signature')).toBe(expected.searchParams.get('X-Amz-Signature'));
      }
    } finally {
      client.destroy();
    }
  });

  it('publishes the run summary to the run topic once', async () => {
    const received = await runInbox.read();
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe('ipstats monthly run finished');
    const summary = JSON.parse(received[0]!.message) as { execution: string; cities: string[]; reports: { city: string; key: string }[] };
    expect(summary.execution).toBe(execution.executionArn);
    expect(summary.reports.map((report) => [report.city, report.key])).toEqual(TEST_CITIES.map((city) => [city, `reports/city=${city}/period=${PERIOD}/report.json`]));
  });

  it('published nothing to the alarm topic', async () => {
    expect(await alarmInbox.read()).toEqual([]);
  });

  /**
   * Scenario (d), an Athena query that fails: the next monthly run, for another month, on the same
   * lake, with one report query FAILED by the stand-in. The report function of that city fails
   * with the engine's error (no retry: the definition retries throttling and Lambda service
   * errors only), the Map and so the run fail, the Catch publishes the error to the alarm topic
   * and the execution fails. What docs/aws.md promises and this checks: no partial report set —
   * per city, report.json/html/xlsx and its notification are all there or none is (each city's
   * report is its own Lambda, so a city whose report was already done keeps it); the failed
   * city has nothing for the month, the run topic gets no summary, and the earlier month is untouched.
   */
  describe('then an Athena query that fails during the next monthly run', () => {
    const FAULT_PERIOD = '2025-05';
    const REASON = 'HIVE_BAD_DATA: injected by the Athena stand-in';
    let failed: ExecutionRecord;
    let reportsBefore: string[];

    beforeAll(async () => {
      reportsBefore = await box.keysUnder(reportsBucket, 'reports/');
      // The first run's sources are in the lake; moved out of the inbox, so this run ingests nothing.
      for (const key of await box.keysUnder(lake, 'inbox/')) await box.s3.send(new DeleteObjectCommand({ Bucket: lake, Key: key }));
      // A lasting failure: a failure once is retried (the Retry policy, docs/aws.md) and the run succeeds.
      box.athena!.failQueries({ matching: /^select indicator_id, month, value\s+from mart_city_indicator_monthly/, reason: REASON, errorCategory: 2, errorType: 1001, times: 1000 });

      // An operator's run for one month: the state machine started by hand with a period.
      failed = await box.stepFunctions.run('MonthlyRun', { period: FAULT_PERIOD });
      // A city's report already running when the Map fails runs to its end, as in Lambda.
      const deadline = Date.now() + 60_000;
      while (reportInvocations().length < TEST_CITIES.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    }, 300_000);

    function reportInvocations() {
      return box.lambda.invocations.filter((invocation) => invocation.function.logicalId.startsWith('ReportFunction') && (invocation.event as { period?: string }).period === FAULT_PERIOD);
    }

    it('fails the execution through the Catch: PublishFailure, then RunFailed, with the report error', () => {
      expect(failed.status).toBe('FAILED');
      const entered = failed.events.filter((event) => event.type === 'StateEntered').map((event) => (event as unknown as { state: { name: string } }).state.name);
      // The report queries fail in the first pass: no city is published, and no index written.
      expect(entered).toEqual(expect.arrayContaining(['RefreshViews', 'AssembleEachCity', 'PublishFailure', 'RunFailed']));
      expect(entered).not.toContain('ReportEachCity');
      expect(entered).not.toContain('NotifyRunFinished');
      expect(failed.cause).toContain(REASON);
    });

    it('retried the failing report before giving up, each failure naming the failed query', () => {
      const failures = reportInvocations().filter((invocation) => invocation.result.status !== 'succeeded');
      expect(failures.length).toBeGreaterThanOrEqual(3); // 1 attempt + 2 retries of handler errors
      for (const { result } of failures) expect(result.status === 'function-error' && result.error.errorMessage).toContain(REASON);
      const failedQueries = box.athena!.executions().filter((statement) => statement.state === 'FAILED');
      expect(new Set(failedQueries.map((statement) => statement.stateChangeReason))).toEqual(new Set([REASON]));
    });

    it('publishes the error to the alarm topic once, naming the execution', async () => {
      const alarms = await alarmInbox.read();
      expect(alarms).toHaveLength(1);
      expect(alarms[0]!.subject).toBe('ipstats monthly run FAILED');
      const alarm = JSON.parse(alarms[0]!.message) as { execution: string; error: string; cause: string };
      expect([alarm.execution, alarm.error]).toEqual([failed.executionArn, failed.error]);
      expect(alarm.cause).toContain(REASON);
    });

    it('publishes no partial report set: per city all four files and one notification, or nothing; the failed city nothing', async () => {
      const failedCity = (reportInvocations().find((invocation) => invocation.result.status !== 'succeeded')!.event as { cityCode: string }).cityCode;
      const notifications = Object.fromEntries(await Promise.all(Object.entries(cityInboxes).map(async ([city, inbox]) => [city, await inbox.read()] as const)));
      for (const city of TEST_CITIES) {
        const keys = await box.keysUnder(reportsBucket, `reports/city=${city}/period=${FAULT_PERIOD}/`);
        const whole = ['report.html', 'report.json', 'report.schema.json', 'report.xlsx'].map((file) => `reports/city=${city}/period=${FAULT_PERIOD}/${file}`);
        if (city === failedCity) {
          expect([city, keys, notifications[city]]).toEqual([city, [], []]);
        } else {
          expect([city, keys]).toEqual([city, keys.length === 0 ? [] : whole]);
          expect([city, notifications[city]!.length]).toEqual([city, keys.length === 0 ? 0 : 1]);
        }
      }
      expect(await runInbox.read()).toEqual([]);
    });

    it('leaves the reports of the earlier month as they were', async () => {
      const now = await box.keysUnder(reportsBucket, 'reports/');
      expect(now.filter((key) => key.includes(`period=${PERIOD}/`) || key.includes('/versions/'))).toEqual(reportsBefore);
    });
  });
});

/** The links of a notification, in the order of its lines. */
function linksOf(message: string): URL[] {
  return [...message.matchAll(/https?:\/\/\S+/g)].map((match) => new URL(match[0]));
}

/** X-Amz-Date (`20250705T020000Z`) as a Date. */
function signingDateOf(amzDate: string): Date {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate)!;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}
