/**
 * `refresh-views`: `CREATE OR REPLACE VIEW` for every view of sql/ on Athena, dependencies first
 * (view-catalog.ts orders them exactly as the local run does). Idempotent: running it again
 * replaces each view with the same definition. The event is ignored (a schedule or a state).
 */
import { fileURLToPath } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import { AthenaClient } from '@aws-sdk/client-athena';
import type { Context } from 'aws-lambda';
import { athenaEngineFromEnv } from '../../etl/aws/athena-from-env.ts';
import { parseRuntimeEnv, RefreshViewsEnvSchema } from '../../etl/aws/runtime-env.ts';
import { createViews } from '../../etl/engines/view-catalog.ts';

const env = parseRuntimeEnv(RefreshViewsEnvSchema, process.env, 'refresh-views');
const logger = new Logger({ serviceName: 'ipstats-refresh-views' });
const engine = athenaEngineFromEnv(new AthenaClient({}), env);
// The stack ships sql/ beside the bundle and sets IPSTATS_SQL_DIR; locally, the repository's sql/.
const sqlDir = env.IPSTATS_SQL_DIR ?? fileURLToPath(new URL('../../sql', import.meta.url));

export async function handler(_event: unknown, context?: Context): Promise<{ readonly views: readonly string[] }> {
  if (context !== undefined) logger.addContext(context);
  const views = await createViews(engine, sqlDir);
  logger.info('views refreshed', { views: views.length, database: env.IPSTATS_ATHENA_DATABASE, workGroup: env.IPSTATS_ATHENA_WORKGROUP });
  return { views: views.map((view) => view.name) };
}
