/**
 * The permissions to run ipstats queries on Athena: the workgroup, the Glue catalog objects
 * of the database (views are Glue tables too, so creating them needs table writes), the lake
 * data the queries read (Athena reads S3 with the caller's credentials) and the results prefix.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { grantBucketPrefixes } from '../iam/grant-bucket-prefixes.ts';
import { acknowledge, wildcardResourceFinding } from '../nag/acknowledge.ts';
import { ATHENA_RESULTS_PREFIX } from './athena-workgroup.ts';

export interface AthenaQueryAccess {
  readonly workgroupName: string;
  readonly databaseName: string;
  readonly lakeBucket: s3.IBucket;
  readonly resultsBucket: s3.IBucket;
  readonly key: kms.IKey;
}

export interface AthenaGrantOptions {
  /** Create or replace views (Glue CreateTable/UpdateTable). */
  readonly createViews: boolean;
  /** Read the curated Parquet and the manifests (queries that scan data; DDL does not). */
  readonly readsLake: boolean;
}

export function grantAthenaQueries(role: iam.IRole, access: AthenaQueryAccess, options: AthenaGrantOptions): void {
  const stack = Stack.of(role);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution', 'athena:GetWorkGroup'],
      resources: [stack.formatArn({ service: 'athena', resource: 'workgroup', resourceName: access.workgroupName })],
    }),
  );
  const tables = stack.formatArn({ service: 'glue', resource: 'table', resourceName: `${access.databaseName}/*` });
  const catalogResources = [
    stack.formatArn({ service: 'glue', resource: 'catalog' }),
    stack.formatArn({ service: 'glue', resource: 'database', resourceName: access.databaseName }),
    tables,
  ];
  const catalogActions = ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions'];
  if (options.createViews) catalogActions.push('glue:CreateTable', 'glue:UpdateTable');
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: catalogActions, resources: catalogResources }));
  acknowledge(role, wildcardResourceFinding(role, tables), `Athena: the tables and views of the ${access.databaseName} database only (view names come from sql/)`);

  grantBucketPrefixes(role, { bucket: access.resultsBucket, key: access.key, read: [ATHENA_RESULTS_PREFIX], write: [ATHENA_RESULTS_PREFIX] }, 'Athena query results');
  // The staging views read manifests/ too: the commit rule (docs/lake.md).
  if (options.readsLake) grantBucketPrefixes(role, { bucket: access.lakeBucket, key: access.key, read: ['curated/', 'manifests/'] }, 'Athena reads the curated Parquet and the manifests');
}
