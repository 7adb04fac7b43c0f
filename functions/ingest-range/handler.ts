/**
 * `ingest-range`: one byte range of a large source → staging CSVs, rejects and counts in the
 * work folder (a Distributed Map item of the large-source state machine). Parsing and
 * validation only: no DuckDB here.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { ingestRange } from '../../etl/aws/ingest-range.ts';
import { INGEST_RANGE_EVENT_FORM, IngestRangeEventSchema } from '../../etl/aws/large-source-events.ts';
import { cachedStoreOpener } from '../../etl/aws/object-stores.ts';
import { parseEvent } from '../../etl/aws/parse-event.ts';
import type { RangeResult } from '../../etl/aws/range-plan.ts';
import { bucketUrl, parseRuntimeEnv, RangeIngestEnvSchema } from '../../etl/aws/runtime-env.ts';
import { getDataset } from '../../etl/schemas/index.ts';

const env = parseRuntimeEnv(RangeIngestEnvSchema, process.env, 'ingest-range');
const logger = new Logger({ serviceName: 'ipstats-ingest-range' });
const openStore = cachedStoreOpener();

export async function handler(event: unknown, context?: Context): Promise<RangeResult> {
  if (context !== undefined) logger.addContext(context);
  const { dataset, key, range } = parseEvent(IngestRangeEventSchema, event, 'ingest-range', INGEST_RANGE_EVENT_FORM);
  const result = await ingestRange({ lake: openStore(bucketUrl(env.IPSTATS_LAKE_BUCKET)), key, dataset: getDataset(dataset), range });
  logger.info('range ingested', { key, dataset, bytes: range.end - range.start, ...result });
  return result;
}
