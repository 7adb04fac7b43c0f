/**
 * `ingest`: sources landing in `inbox/<dataset>/` (S3 event; large ones handed to the
 * large-source state machine), a named object `{ dataset, key }`, an HTTPS source
 * `{ dataset, url }`, or `{ "publish": "city_config" }` → the lake, exactly as `ipstats ingest`
 * writes it. Imports DuckDB (through etl/ingest) to write Parquet: the stack ships its arm64 binding.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { Context } from 'aws-lambda';
import { parseIngestEvent } from '../../etl/aws/ingest-event.ts';
import { handleIngestRequest, type IngestResponse } from '../../etl/aws/ingest-request.ts';
import { stepFunctionsLargeSourceStarter } from '../../etl/aws/large-source-starter.ts';
import { cachedStoreOpener } from '../../etl/aws/object-stores.ts';
import { IngestEnvSchema, parseRuntimeEnv } from '../../etl/aws/runtime-env.ts';

const env = parseRuntimeEnv(IngestEnvSchema, process.env, 'ingest');
const logger = new Logger({ serviceName: 'ipstats-ingest' });
const openStore = cachedStoreOpener();
const stateMachineArn = env.IPSTATS_LARGE_SOURCE_STATE_MACHINE_ARN;
const largeSources = stateMachineArn === undefined ? undefined : stepFunctionsLargeSourceStarter(new SFNClient({}), stateMachineArn);

export async function handler(event: unknown, context?: Context): Promise<IngestResponse> {
  if (context !== undefined) logger.addContext(context);
  return handleIngestRequest(parseIngestEvent(event), { env, logger, openStore, largeSources });
}
