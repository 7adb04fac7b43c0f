/** The Athena engine of a Lambda, from its validated environment; the client is the caller's (module scope). */
import type { AthenaClient } from '@aws-sdk/client-athena';
import { createAthenaEngine } from '../engines/athena-engine.ts';
import type { QueryEngine } from '../engines/query-engine.ts';

export function athenaEngineFromEnv(client: AthenaClient, env: { readonly ATHENA_WORKGROUP: string; readonly ATHENA_DATABASE: string }): QueryEngine {
  return createAthenaEngine({ client, workGroup: env.ATHENA_WORKGROUP, database: env.ATHENA_DATABASE });
}
