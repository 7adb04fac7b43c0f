/**
 * The Glue table `manifests` over the lake's `manifests/<dataset>/<sha256>.json`, declared from
 * MANIFESTS_TABLE (etl/engines/manifests-table.ts), so Athena applies the commit rule exactly as
 * DuckDB does: the staging views count a curated row only when its file's manifest says
 * `ingested` (docs/lake.md "The commit rule").
 *
 * Manifests are indented (pretty-printed) JSON. Hive's and OpenX's JSON SerDes want one object
 * per line; the Amazon Ion SerDe reads JSON as Ion (a superset) and does not, and its path
 * extractors take nested fields (`source.sha256`) into flat columns. The dataset is a partition
 * projected over the dataset names, so only `manifests/<dataset>/` folders are read.
 */
import { Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { MANIFESTS_TABLE } from '../../etl/engines/manifests-table.ts';
import { lakeKeys } from '../../etl/lake/lake-keys.ts';
import { DATASET_NAMES } from '../../etl/schemas/dataset-spec.ts';
import { glueColumnType } from '../catalog/glue-column-type.ts';

export interface ManifestsGlueTableProps {
  readonly database: glue.CfnDatabase;
  readonly lakeBucket: s3.IBucket;
}

const ION_SERDE = {
  inputFormat: 'com.amazon.ionhiveserde.formats.IonInputFormat',
  outputFormat: 'com.amazon.ionhiveserde.formats.IonOutputFormat',
  serializationLibrary: 'com.amazon.ionhiveserde.IonHiveSerDe',
} as const;

export class ManifestsGlueTable extends Construct {
  readonly tableName: string;

  constructor(scope: Construct, id: string, props: ManifestsGlueTableProps) {
    super(scope, id);
    const table = MANIFESTS_TABLE;
    this.tableName = table.name;
    const location = `s3://${props.lakeBucket.bucketName}/${lakeKeys.manifestsRoot}`;
    const pathExtractors = Object.fromEntries(table.columns.map((column) => [`ion.${column.name}.path_extractor`, `(${column.path.join(' ')})`]));
    const partition = table.partitionColumn.name;
    new glue.CfnTable(this, 'Table', {
      catalogId: Stack.of(this).account,
      databaseName: props.database.ref,
      tableInput: {
        name: table.name,
        description: 'the commit record of every ingestion: manifests/<dataset>/<sha256>.json (docs/lake.md "The commit rule")',
        tableType: 'EXTERNAL_TABLE',
        parameters: {
          classification: 'ion',
          EXTERNAL: 'TRUE',
          'projection.enabled': 'true',
          [`projection.${partition}.type`]: 'enum',
          [`projection.${partition}.values`]: DATASET_NAMES.join(','),
          'storage.location.template': `${location}\${${partition}}/`,
        },
        partitionKeys: [{ name: partition, type: glueColumnType(table.partitionColumn.sqlType) }],
        storageDescriptor: {
          location,
          columns: table.columns.map((column) => ({ name: column.name, type: glueColumnType(column.sqlType) })),
          inputFormat: ION_SERDE.inputFormat,
          outputFormat: ION_SERDE.outputFormat,
          serdeInfo: { serializationLibrary: ION_SERDE.serializationLibrary, parameters: pathExtractors },
        },
      },
    });
  }
}
