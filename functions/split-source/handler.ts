/**
 * `split-source`: plans a large inbox object's ingestion as byte ranges on record boundaries
 * (the first state of the large-source state machine). No DuckDB here.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { SPLIT_SOURCE_EVENT_FORM, SplitSourceEventSchema } from '../../etl/aws/large-source-events.ts';
import { cachedStoreOpener } from '../../etl/aws/object-stores.ts';
import { parseEvent } from '../../etl/aws/parse-event.ts';
import type { RangePlan } from '../../etl/aws/range-plan.ts';
import { bucketUrl, parseRuntimeEnv, RangeIngestEnvSchema } from '../../etl/aws/runtime-env.ts';
import { splitSource } from '../../etl/aws/split-source.ts';
import { getDataset } from '../../etl/schemas/index.ts';

const env = parseRuntimeEnv(RangeIngestEnvSchema, process.env, 'split-source');
const logger = new Logger({ serviceName: 'ipstats-split-source' });
const openStore = cachedStoreOpener();

export async function handler(event: unknown, context?: Context): Promise<RangePlan> {
  if (context !== undefined) logger.addContext(context);
  const { dataset, key } = parseEvent(SplitSourceEventSchema, event, 'split-source', SPLIT_SOURCE_EVENT_FORM);
  const lake = openStore(bucketUrl(env.IPSTATS_LAKE_BUCKET));
  const plan = await splitSource({ lake, key, dataset: getDataset(dataset), rangeBytes: env.IPSTATS_RANGE_BYTES, workRoot: env.IPSTATS_WORK_PREFIX });
  logger.info('source split', { key, dataset, bytes: plan.bytes, sha256: plan.sha256, ranges: plan.ranges.length, alreadyIngested: plan.alreadyIngested });
  return plan;
}
