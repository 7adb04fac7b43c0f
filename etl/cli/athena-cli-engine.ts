/**
 * `ipstats query --engine athena`: the Athena engine for an analyst's terminal, on the deployed
 * workgroup and database (options or the IPSTATS_ATHENA_* variables the Lambdas use too) with
 * the AWS SDK's usual credentials and region.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import { createAthenaEngine } from '../engines/athena-engine.ts';
import type { QueryEngine } from '../engines/query-engine.ts';
import { UsageError } from './cli-errors.ts';

export interface AthenaCliOptions {
  readonly athenaWorkgroup?: string;
  readonly athenaDatabase?: string;
  /** @default the SDK's (AWS_REGION, profile) */
  readonly region?: string;
}

export function athenaEngineForCli(options: AthenaCliOptions, client?: AthenaClient): QueryEngine {
  const missing = [
    ...(options.athenaWorkgroup ? [] : ['--athena-workgroup (or IPSTATS_ATHENA_WORKGROUP)']),
    ...(options.athenaDatabase ? [] : ['--athena-database (or IPSTATS_ATHENA_DATABASE)']),
  ];
  if (missing.length > 0) throw new UsageError(`--engine athena needs ${missing.join(' and ')}: the deployment's workgroup and Glue database`);
  return createAthenaEngine({
    client: client ?? new AthenaClient(options.region === undefined ? {} : { region: options.region }),
    workGroup: options.athenaWorkgroup as string,
    database: options.athenaDatabase as string,
  });
}
