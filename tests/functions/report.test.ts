/**
 * The `report` handler: lake manifests and the city configuration in s3rver, Athena answered by
 * DuckDB over the same lake (duckdb-backed-athena.ts). Its report.json must be the one the local
 * run (buildReports) writes for that city and month, apart from the generation time.
 */
import path from 'node:path';
import { AthenaClient } from '@aws-sdk/client-athena';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../etl/cli/logger.ts';
import { cityByCode, loadCityConfig, type CityConfig } from '../../etl/config/city-config.ts';
import type { QueryEngine } from '../../etl/engines/query-engine.ts';
import { LocalObjectStore } from '../../etl/lake/local-object-store.ts';
import { S3ObjectStore } from '../../etl/lake/s3-object-store.ts';
import type { WrittenCityReport } from '../../etl/aws/city-report.ts';
import { buildReports } from '../../etl/pipeline/build-reports.ts';
import { reportJsonSchemaText } from '../../etl/reports/report-json-schema.ts';
import { writeCityConfigTable } from '../../etl/pipeline/city-config-table.ts';
import { ingestInputFolder } from '../../etl/pipeline/ingest-input-folder.ts';
import { openLakeEngine } from '../../etl/pipeline/lake-engine.ts';
import { startS3rver, type RunningS3rver } from '../support/s3rver.ts';
import { tempDir } from '../support/temp-dir.ts';
import { duckDbBackedAthena } from './support/duckdb-backed-athena.ts';
import { lambdaEnv, putFileObject } from './support/lambda-env.ts';

const SAMPLES = path.resolve('samples/default');
const CLOCK = () => new Date('2026-01-05T02:00:00Z');
const TOPIC_ARN = 'arn:aws-cn:sns:cn-northwest-1:123456789012:ipstats-city-reports';
const SIGNER_SECRET_ARN = 'arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:IpstatsDeliveryReportLinkSigner-AbCdEf';
const SILENT: Logger = { info: () => undefined, warn: () => undefined, progress: () => undefined };
type Handler = (typeof import('../../functions/report/handler.ts'))['handler'];
type SingleCityResult = WrittenCityReport & { readonly notification: string | null };

describe('functions/report (s3rver, Athena answered by DuckDB)', () => {
  const athena = mockClient(AthenaClient);
  const sns = mockClient(SNSClient);
  const secrets = mockClient(SecretsManagerClient);
  let s3: RunningS3rver;
  let dir: string;
  let local: LocalObjectStore;
  let config: CityConfig;
  let duckdb: QueryEngine;
  let handler: Handler;
  let delivered: S3ObjectStore;

  beforeAll(async () => {
    s3 = await startS3rver();
    dir = await tempDir('fn-report');
    local = new LocalObjectStore(path.join(dir, 'lake'));
    await ingestInputFolder({ store: local, inputDir: SAMPLES, logger: SILENT, now: CLOCK });
    config = await loadCityConfig(path.join(SAMPLES, 'cities.json'));
    await writeCityConfigTable(local, config);
    // The report function reads the manifests (data-quality counts) and the configuration from S3.
    const remoteLake = new S3ObjectStore({ client: s3.client, bucket: s3.bucket });
    for (const { key } of await local.list('manifests/')) await remoteLake.put(key, await local.get(key));
    await putFileObject(s3, 'config/cities.json', path.join(SAMPLES, 'cities.json'));
    duckdb = await openLakeEngine(local, path.join(dir, 'cache'));
    duckDbBackedAthena(athena, duckdb);
    lambdaEnv(s3, {
      IPSTATS_LAKE_BUCKET: s3.bucket,
      IPSTATS_ATHENA_WORKGROUP: 'ipstats',
      IPSTATS_ATHENA_DATABASE: 'ipstats_lake',
      IPSTATS_CITY_TOPIC_ARNS: JSON.stringify({ [config.cities[0]!.code]: TOPIC_ARN }),
      IPSTATS_LINK_SIGNER_SECRET_ARN: SIGNER_SECRET_ARN,
      // The function's own credentials are temporary, as a Lambda role's are: links must not carry them.
      AWS_SESSION_TOKEN: 'role-session-token',
    });
    sns.on(PublishCommand).resolves({ MessageId: 'message-1' });
    // s3rver accepts only its own key, so the link signer's secret holds that one.
    secrets.on(GetSecretValueCommand, { SecretId: SIGNER_SECRET_ARN }).resolves({ SecretString: JSON.stringify({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }) });
    ({ handler } = await import('../../functions/report/handler.ts'));
    delivered = new S3ObjectStore({ client: s3.client, bucket: s3.bucket });
  });
  afterAll(async () => {
    athena.restore();
    sns.restore();
    secrets.restore();
    await duckdb?.close();
    await s3?.stop();
  });

  async function localReport(cityCode: string, period?: string) {
    const out = new LocalObjectStore(path.join(dir, `out-${cityCode}-${period ?? 'default'}`));
    const { reports } = await buildReports({ lake: local, out, config, cities: [cityByCode(config, cityCode)], period, now: CLOCK });
    return { key: reports[0]!.key, files: reports[0]!.files, json: JSON.parse(await out.getText(reports[0]!.key)) as Record<string, unknown> };
  }

  it('writes the same report files as the local run for a city and month, and notifies the city', async () => {
    const city = config.cities[0]!.code;
    // One city by hand (no phase): a written report and its notification.
    const written = (await handler({ cityCode: city, period: '2025-06' })) as SingleCityResult;
    const expected = await localReport(city, '2025-06');
    expect(written).toEqual({ city, period: '2025-06', key: expected.key, location: `s3://${s3.bucket}/${expected.key}`, files: expected.files, notification: 'message-1' });
    expect(written.files.map((file) => file.format)).toEqual(['json', 'html', 'xlsx']);
    for (const file of written.files) expect(await delivered.exists(file.key), file.key).toBe(true);
    // report.schema.json goes with the files (not a format: no link, no entry in files).
    expect(await delivered.getText(`reports/city=${city}/period=2025-06/report.schema.json`)).toBe(reportJsonSchemaText());
    const [published] = sns.commandCalls(PublishCommand).map((call) => call.args[0].input);
    expect(published).toMatchObject({
      TopicArn: TOPIC_ARN,
      MessageAttributes: { city_code: { DataType: 'String', StringValue: city }, period: { DataType: 'String', StringValue: '2025-06' } },
    });
    expect(published!.Subject).toMatch(/^[\x20-\x7e]{1,99}$/);
    // The link is presigned and works: it fetches the report.html just written.
    const link = new RegExp(`${s3.endpoint}/${s3.bucket}/reports/city%3D${city}/period%3D2025-06/report\\.html\\?X-Amz-\\S+`).exec(published!.Message!)?.[0];
    expect(link).toBeDefined();
    // Signed by the link signer for the full 7 days, without the function's session token.
    const signed = new URL(link!).searchParams;
    expect([signed.get('X-Amz-Credential')?.split('/')[0], signed.get('X-Amz-Expires'), signed.has('X-Amz-Security-Token')]).toEqual(['S3RVER', '604800', false]);
    expect(secrets.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input)).toEqual([{ SecretId: SIGNER_SECRET_ARN }]);
    const fetched = await fetch(link!);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(Buffer.from(await delivered.get(written.files[1]!.key)))).toBe(true);
    const actual = JSON.parse(await delivered.getText(expected.key)) as Record<string, unknown>;
    expect({ ...actual, generated_at: 'T' }).toEqual({ ...expected.json, generated_at: 'T' });
    expect(actual['generated_at']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  });

  it('chooses the same default month as the local run when the event names none (period null)', async () => {
    const city = config.cities[1]!.code;
    const expected = await localReport(city);
    const written = (await handler({ cityCode: city, period: null })) as SingleCityResult;
    expect(written.key).toBe(expected.key);
    // This city has no topic configured: nothing is published.
    expect(written.notification).toBeNull();
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    const actual = JSON.parse(await delivered.getText(expected.key)) as Record<string, unknown>;
    expect({ ...actual, generated_at: 'T' }).toEqual({ ...expected.json, generated_at: 'T' });
  });

  it('refuses a month after the data, as the local run does, writing nothing: the state machine sees the failure', async () => {
    const city = config.cities[0]!.code;
    const before = (await delivered.list('reports/')).map((object) => object.key);
    await expect(handler({ cityCode: city, period: '2026-03' })).rejects.toThrow(
      /^no report for 2026-03: it is after the data of the lake: every monthly source ends before it \(patent_events ends 2025-12, /,
    );
    expect((await delivered.list('reports/')).map((object) => object.key)).toEqual(before);
  });

  it('refuses a city that is not configured, listing the configured ones', async () => {
    await expect(handler({ cityCode: '999999', period: '2025-06' })).rejects.toThrow(
      `s3://${'ipstats-test'}/config/cities.json: $.cities: no city with code "999999"; configured: ${config.cities.map((c) => c.code).join(', ')}`,
    );
  });

  it('refuses an event without a proper city code', async () => {
    await expect(handler({ cityCode: '4403', period: '2025-6' })).rejects.toThrow(
      /^the report function got an event it does not understand: ✖ expected a six-digit city code such as "440300" → at cityCode; ✖ expected a month YYYY-MM → at period; expected/,
    );
  });
});
