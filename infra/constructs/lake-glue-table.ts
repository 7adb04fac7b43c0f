/**
 * One Glue table over a curated dataset of the lake, declared from its `LakeTable` (itself
 * derived from the zod spec): Parquet SerDe, Hive partition keys and partition projection.
 */
import { Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { partitionColumns, sqlColumnsOf, type LakeTable } from '../../etl/engines/lake-tables.ts';
import { lakeKeys } from '../../etl/lake/lake-keys.ts';
import { glueColumnType } from '../catalog/glue-column-type.ts';
import { partitionProjectionParameters, type ProjectionYears } from '../catalog/partition-projection.ts';

export interface LakeGlueTableProps {
  readonly table: LakeTable;
  readonly database: glue.CfnDatabase;
  readonly lakeBucket: s3.IBucket;
  /** Year range that partition projection enumerates. @default 1985 (China's Patent Law) to 2099 */
  readonly projectionYears?: ProjectionYears;
}

const PARQUET = {
  inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  serdeInfo: { serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe', parameters: { 'serialization.format': '1' } },
};

export class LakeGlueTable extends Construct {
  readonly tableName: string;

  constructor(scope: Construct, id: string, props: LakeGlueTableProps) {
    super(scope, id);
    if (!/^[a-z][a-z0-9_]*$/.test(props.table.name)) {
      throw new RangeError(`Glue table name must be lower-case letters, digits and underscores, got "${props.table.name}"`);
    }
    this.tableName = props.table.name;
    const partitionNames = new Set(partitionColumns(props.table.partitioning).map((column) => column.name));
    // sqlColumnsOf also rejects a stored column that repeats a partition column.
    const columns = sqlColumnsOf(props.table);
    const labels = new Map(props.table.columns.map((column) => [column.name, column.labelZh]));
    const toGlue = (column: { name: string; sqlType: Parameters<typeof glueColumnType>[0] }) => ({
      name: column.name,
      type: glueColumnType(column.sqlType),
      ...(labels.has(column.name) ? { comment: labels.get(column.name) } : {}),
    });
    const location = `s3://${props.lakeBucket.bucketName}/${lakeKeys.curatedPrefix(props.table.name)}`;
    new glue.CfnTable(this, 'Table', {
      catalogId: Stack.of(this).account,
      databaseName: props.database.ref,
      tableInput: {
        name: props.table.name,
        tableType: 'EXTERNAL_TABLE',
        parameters: {
          classification: 'parquet',
          EXTERNAL: 'TRUE',
          ...partitionProjectionParameters(location, props.table.partitioning, props.projectionYears ?? { first: 1985, last: 2099 }),
        },
        partitionKeys: columns.filter((column) => partitionNames.has(column.name)).map(toGlue),
        storageDescriptor: {
          location,
          columns: columns.filter((column) => !partitionNames.has(column.name)).map(toGlue),
          ...PARQUET,
        },
      },
    });
  }
}
