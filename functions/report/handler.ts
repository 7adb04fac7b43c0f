/**
 * `report`: one city's report for one month — report.json, .html and .xlsx from the marts on
 * Athena, written to `reports/city=<code>/period=<YYYY-MM>/` in the reports bucket, then the
 * city's notification (presigned links) published to its SNS topic. The monthly run calls it in
 * phases (etl/aws/report-event.ts): assemble (staged), publish (ranked among every city), index. Same assembly and
 * rendering as the local run (etl/reports); no DuckDB in this function. Links are signed with
 * the link signer's long-lived key (IPSTATS_LINK_SIGNER_SECRET_ARN) so they last 7 days.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { AthenaClient } from '@aws-sdk/client-athena';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { athenaEngineFromEnv } from '../../etl/aws/athena-from-env.ts';
import { cachedLinkSignerCredentials } from '../../etl/aws/cached-link-signer-credentials.ts';
import { loadCityConfigObject } from '../../etl/aws/city-config-object.ts';
import { assembleStagedCityReport, buildCityReport, publishStagedCityReport, type WrittenCityReport } from '../../etl/aws/city-report.ts';
import { writePeriodIndex } from '../../etl/aws/period-index.ts';
import { parseCityTopicArns } from '../../etl/aws/city-topics.ts';
import { deliverCityReport } from '../../etl/aws/deliver-city-report.ts';
import { cachedStoreOpener } from '../../etl/aws/object-stores.ts';
import { parseEvent } from '../../etl/aws/parse-event.ts';
import { REPORT_EVENT_FORM, reportEventSchemaFor, type AssembledCity } from '../../etl/aws/report-event.ts';
import { bucketUrl, parseRuntimeEnv, ReportEnvSchema } from '../../etl/aws/runtime-env.ts';
import { reportLinkSigning } from '../../etl/aws/report-link-signing.ts';
import { cityByCode } from '../../etl/config/city-config.ts';
import { linkTargetFor } from '../../etl/reports/delivery/link-target.ts';
import type { Report } from '../../etl/reports/report-schema.ts';

const env = parseRuntimeEnv(ReportEnvSchema, process.env, 'report');
const topics = parseCityTopicArns(env.IPSTATS_CITY_TOPIC_ARNS);
const logger = new Logger({ serviceName: 'ipstats-report' });
const engine = athenaEngineFromEnv(new AthenaClient({}), env);
const sns = new SNSClient({});
const openStore = cachedStoreOpener();
const reportsUrl = bucketUrl(env.IPSTATS_REPORTS_BUCKET ?? env.IPSTATS_LAKE_BUCKET);
const roleTarget = linkTargetFor(reportsUrl);
if (roleTarget.kind !== 's3') throw new Error(`the report function needs an s3:// reports location, got ${reportsUrl}`);
const signerSecretArn = env.IPSTATS_LINK_SIGNER_SECRET_ARN;
const linkSigning = reportLinkSigning({
  roleTarget,
  signerCredentials: signerSecretArn === undefined ? undefined : cachedLinkSignerCredentials({ client: new SecretsManagerClient({}), secretArn: signerSecretArn }),
});

type Written = WrittenCityReport & { readonly notification: string | null };

export async function handler(event: unknown, context?: Context): Promise<Written | AssembledCity | { readonly period: string; readonly keys: readonly string[] }> {
  if (context !== undefined) logger.addContext(context);
  const parsed = parseEvent(reportEventSchemaFor(event), event, 'report', REPORT_EVENT_FORM);
  const lake = openStore(bucketUrl(env.IPSTATS_LAKE_BUCKET));
  const out = openStore(reportsUrl);
  // Read on every invocation: the configuration may change between monthly runs.
  const config = await loadCityConfigObject(lake, env.IPSTATS_CITY_CONFIG_KEY);
  if (!('phase' in parsed)) {
    return deliver(config, await buildCityReport({ engine, lake, out, config, cityCode: parsed.cityCode, period: parsed.period ?? undefined }));
  }
  switch (parsed.phase) {
    case 'assemble': {
      const assembled = await assembleStagedCityReport({ engine, lake, out, config, cityCode: parsed.cityCode, period: parsed.period ?? undefined, runId: parsed.runId });
      logger.info('report assembled', { city: assembled.city, period: assembled.period, staged: assembled.stagedKey });
      return assembled;
    }
    case 'publish':
      return deliver(config, await publishStagedCityReport({ out, config, cityCode: parsed.cityCode, peers: parsed.peers }));
    case 'index': {
      const index = await writePeriodIndex({ out, config, assembled: parsed.peers });
      logger.info('index written', { period: index.period, files: index.keys.length });
      return index;
    }
  }
}

async function deliver(config: Awaited<ReturnType<typeof loadCityConfigObject>>, built: WrittenCityReport & { readonly report: Report }): Promise<Written> {
  const { report, ...written } = built;
  const topicArn = topics[written.city];
  const notification = topicArn === undefined ? null : await notify(topicArn, report, written.files, cityByCode(config, written.city).contacts);
  logger.info('report written', { city: written.city, period: written.period, location: written.location, files: written.files.length, notification });
  return { ...written, notification };
}

async function notify(topicArn: string, report: Report, files: WrittenCityReport['files'], recipients: readonly string[]): Promise<string> {
  const now = new Date();
  const signing = await linkSigning(now);
  if (signing.signedBy === 'role') {
    logger.warn('report links signed with the function role expire early: set IPSTATS_LINK_SIGNER_SECRET_ARN', {
      expiresInSeconds: signing.expiresInSeconds,
      roleCredentialsExpireAt: signing.roleCredentialsExpireAt?.toISOString() ?? 'unknown',
    });
  }
  return deliverCityReport({ sns, topicArn, linkTarget: signing.target, report, files, recipients, now });
}
