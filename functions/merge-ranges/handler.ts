/**
 * `merge-ranges`: the parts of a large source → the lake, exactly as a single ingestion writes
 * it (the last state of the large-source state machine). Returns the same summary as `ingest`,
 * for the quality gate. Imports DuckDB (Parquet): the stack ships its arm64 binding.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { IngestSummary } from '../../etl/aws/ingest-summary.ts';
import { MERGE_RANGES_EVENT_FORM, MergeRangesEventSchema } from '../../etl/aws/large-source-events.ts';
import { mergeRanges } from '../../etl/aws/merge-ranges.ts';
import { cachedStoreOpener } from '../../etl/aws/object-stores.ts';
import { parseEvent } from '../../etl/aws/parse-event.ts';
import { bucketUrl, parseRuntimeEnv, RangeIngestEnvSchema } from '../../etl/aws/runtime-env.ts';
import { getDataset } from '../../etl/schemas/index.ts';

const env = parseRuntimeEnv(RangeIngestEnvSchema, process.env, 'merge-ranges');
const logger = new Logger({ serviceName: 'ipstats-merge-ranges' });
const openStore = cachedStoreOpener();

export async function handler(event: unknown, context?: Context): Promise<IngestSummary> {
  if (context !== undefined) logger.addContext(context);
  const { dataset, plan } = parseEvent(MergeRangesEventSchema, event, 'merge-ranges', MERGE_RANGES_EVENT_FORM);
  const summary = await mergeRanges({ lake: openStore(bucketUrl(env.IPSTATS_LAKE_BUCKET)), dataset: getDataset(dataset), plan });
  const { key, sha256, status, rowsRead, rowsAccepted, rowsRejected, rejectRate, coverage, coverageUpdated, coverageWarning } = summary;
  logger.info('large source merged', { key, dataset, sha256, status, rowsRead, rowsAccepted, rowsRejected, rejectRate, ranges: plan.ranges.length, coverage, coverageUpdated });
  if (coverageWarning !== undefined) logger.warn('rows outside the declared coverage', { key, dataset, warning: coverageWarning });
  return summary;
}
