/**
 * `report`: one city's report.json for one month, from the marts on Athena, written to
 * `reports/city=<code>/period=<YYYY-MM>/report.json` in the reports bucket. Same assembly as
 * the local run (etl/reports); no DuckDB in this function.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { AthenaClient } from '@aws-sdk/client-athena';
import type { Context } from 'aws-lambda';
import { athenaEngineFromEnv } from '../../etl/aws/athena-from-env.ts';
import { loadCityConfigObject } from '../../etl/aws/city-config-object.ts';
import { buildCityReport, type WrittenCityReport } from '../../etl/aws/city-report.ts';
import { cachedStoreOpener } from '../../etl/aws/object-stores.ts';
import { parseEvent } from '../../etl/aws/parse-event.ts';
import { REPORT_EVENT_FORM, ReportEventSchema } from '../../etl/aws/report-event.ts';
import { bucketUrl, parseRuntimeEnv, ReportEnvSchema } from '../../etl/aws/runtime-env.ts';

const env = parseRuntimeEnv(ReportEnvSchema, process.env, 'report');
const logger = new Logger({ serviceName: 'ipstats-report' });
const engine = athenaEngineFromEnv(new AthenaClient({}), env);
const openStore = cachedStoreOpener();

export async function handler(event: unknown, context?: Context): Promise<WrittenCityReport> {
  if (context !== undefined) logger.addContext(context);
  const { cityCode, period } = parseEvent(ReportEventSchema, event, 'report', REPORT_EVENT_FORM);
  const lake = openStore(bucketUrl(env.IPSTATS_LAKE_BUCKET));
  // Read on every invocation: the configuration may change between monthly runs.
  const config = await loadCityConfigObject(lake, env.IPSTATS_CITY_CONFIG_KEY);
  const written = await buildCityReport({
    engine,
    lake,
    out: openStore(bucketUrl(env.IPSTATS_REPORTS_BUCKET ?? env.IPSTATS_LAKE_BUCKET)),
    config,
    cityCode,
    period: period ?? undefined,
  });
  logger.info('report written', { city: written.city, period: written.period, location: written.location });
  return written;
}
