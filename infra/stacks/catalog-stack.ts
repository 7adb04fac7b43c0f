/**
 * The lake's catalog: a Glue database with one table per curated dataset plus `city_config`,
 * all generated from the dataset specs, the `manifests` table the staging views take the
 * commit rule from, and the enforced Athena workgroup.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { BucketNames } from '../storage/bucket-names.ts';
import type { Construct } from 'constructs';
import { CITY_CONFIG_TABLE, lakeTableFor, type LakeTable } from '../../etl/engines/lake-tables.ts';
import { DATASETS } from '../../etl/schemas/index.ts';
import { AthenaWorkgroup } from '../constructs/athena-workgroup.ts';
import { LakeGlueTable } from '../constructs/lake-glue-table.ts';
import { ManifestsGlueTable } from '../constructs/manifests-glue-table.ts';
import type { ProjectionYears } from '../catalog/partition-projection.ts';

export interface CatalogStackProps extends StackProps {
  /** Names of the storage stack's buckets (bucket-names.ts). */
  readonly bucketNames: BucketNames;
  readonly lakeKey: kms.IKey;
  /** @default 'ipstats' */
  readonly databaseName?: string;
  /** @default 'ipstats' */
  readonly workgroupName?: string;
  /** @default 10 GiB (see AthenaWorkgroupProps) */
  readonly bytesScannedCutoffPerQuery?: number;
  /** @default 1985 to 2099 */
  readonly projectionYears?: ProjectionYears;
}

/** Every table of the lake: the datasets in contract order, then city_config. */
export function lakeTables(): LakeTable[] {
  return [...Object.values(DATASETS).map(lakeTableFor), CITY_CONFIG_TABLE];
}

export class CatalogStack extends Stack {
  readonly databaseName: string;
  readonly workgroupName: string;
  readonly tableNames: readonly string[];

  constructor(scope: Construct, id: string, props: CatalogStackProps) {
    super(scope, id, props);
    this.databaseName = props.databaseName ?? 'ipstats';
    if (!/^[a-z][a-z0-9_]*$/.test(this.databaseName)) {
      throw new RangeError(`databaseName must be lower-case letters, digits and underscores, got "${this.databaseName}"`);
    }
    const database = new glue.CfnDatabase(this, 'Database', {
      catalogId: this.account,
      databaseInput: { name: this.databaseName, description: 'ipstats lake: curated datasets (Parquet) and the SQL views over them' },
    });
    const lakeBucket = s3.Bucket.fromBucketName(this, 'LakeBucket', props.bucketNames.lake);
    this.tableNames = [
      ...lakeTables().map((table) => new LakeGlueTable(this, `Table-${table.name}`, { table, database, lakeBucket, projectionYears: props.projectionYears }).tableName),
      new ManifestsGlueTable(this, 'Table-manifests', { database, lakeBucket }).tableName,
    ];
    const workgroup = new AthenaWorkgroup(this, 'Workgroup', {
      resultsBucket: s3.Bucket.fromBucketName(this, 'AthenaResultsBucket', props.bucketNames['athena-results']),
      resultsKey: props.lakeKey,
      workgroupName: props.workgroupName,
      bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery,
    });
    this.workgroupName = workgroup.workgroupName;
  }
}
