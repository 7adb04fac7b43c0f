/** The Athena engine of a Lambda, from its validated environment; the client is the caller's (module scope). */
import type { AthenaClient } from '@aws-sdk/client-athena';
import { createAthenaEngine } from '../engines/athena-engine.ts';
import type { QueryEngine } from '../engines/query-engine.ts';

export function athenaEngineFromEnv(
  client: AthenaClient,
  env: { readonly IPSTATS_ATHENA_WORKGROUP: string; readonly IPSTATS_ATHENA_DATABASE: string },
): QueryEngine {
  return createAthenaEngine({ client, workGroup: env.IPSTATS_ATHENA_WORKGROUP, database: env.IPSTATS_ATHENA_DATABASE });
}
