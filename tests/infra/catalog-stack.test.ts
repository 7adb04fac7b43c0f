import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, LINEAGE_COLUMNS } from '../../etl/schemas/dataset-spec.ts';
import { DATASETS } from '../../etl/schemas/index.ts';
import { glueColumnType } from '../../infra/catalog/glue-column-type.ts';
import { partitionProjectionParameters } from '../../infra/catalog/partition-projection.ts';
import { CatalogStack } from '../../infra/stacks/catalog-stack.ts';
import { StorageStack } from '../../infra/stacks/storage-stack.ts';
import { bucketNames } from '../../infra/storage/bucket-names.ts';
import { newTestApp, resourcesOf } from './support/synth-ipstats.ts';

interface GlueColumn {
  Name: string;
  Type: string;
  Comment?: string;
}
interface TableInput {
  Name: string;
  TableType: string;
  Parameters: Record<string, string>;
  PartitionKeys: GlueColumn[];
  StorageDescriptor: { Location: unknown; Columns: GlueColumn[]; InputFormat: string; OutputFormat: string; SerdeInfo: { SerializationLibrary: string } };
}

function build(props: { bytesScannedCutoffPerQuery?: number } = {}) {
  const app = newTestApp();
  const storage = new StorageStack(app, 'Storage');
  const catalog = new CatalogStack(app, 'Catalog', {
    bucketNames: bucketNames('ipstats'),
    lakeKey: storage.lakeKey,
    ...props,
  });
  return { storage, catalog, template: Template.fromStack(catalog) };
}

describe('Glue types and partition projection', () => {
  it('maps every portable SQL type to its Hive spelling', () => {
    expect(['VARCHAR', 'INTEGER', 'BIGINT', 'DATE', 'BOOLEAN', 'DECIMAL(18,2)', 'DECIMAL(18,4)'].map((t) => glueColumnType(t as never))).toEqual([
      'string',
      'int',
      'bigint',
      'date',
      'boolean',
      'decimal(18,2)',
      'decimal(18,4)',
    ]);
    expect(() => glueColumnType('DOUBLE' as never)).toThrow(/no Glue type for SQL type "DOUBLE"/);
  });

  it('projects year and two-digit month partitions onto the lake layout', () => {
    expect(partitionProjectionParameters('s3://lake/curated/patents/', { kind: 'month', column: 'application_date' }, { first: 2000, last: 2030 })).toEqual({
      'projection.enabled': 'true',
      'projection.year.type': 'integer',
      'projection.year.range': '2000,2030',
      'projection.month.type': 'integer',
      'projection.month.range': '1,12',
      'projection.month.digits': '2',
      'storage.location.template': 's3://lake/curated/patents/year=${year}/month=${month}/',
    });
    expect(partitionProjectionParameters('s3://lake/curated/city_accounts/', { kind: 'year', column: 'year' }, { first: 2000, last: 2030 })).toEqual({
      'projection.enabled': 'true',
      'projection.year.type': 'integer',
      'projection.year.range': '2000,2030',
      'storage.location.template': 's3://lake/curated/city_accounts/year=${year}/',
    });
    expect(partitionProjectionParameters('s3://lake/curated/enterprises/', { kind: 'none' }, { first: 2000, last: 2030 })).toEqual({});
    expect(() => partitionProjectionParameters('s3://lake/curated/x', { kind: 'none' }, { first: 2000, last: 2030 })).toThrow('table location must end with "/", got s3://lake/curated/x');
    expect(() => partitionProjectionParameters('s3://l/', { kind: 'none' }, { first: 2031, last: 2030 })).toThrow(/first <= last, got 2031..2030/);
  });
});

describe('CatalogStack', () => {
  const { template } = build();
  const lakeUrl = (path: string) => ({ 'Fn::Join': ['', ['s3://ipstats-lake-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }, path]] });
  const tables = Object.values(resourcesOf(template, 'AWS::Glue::Table')).map((table) => table.Properties.TableInput as TableInput);
  const table = (name: string) => tables.find((t) => t.Name === name)!;

  it('declares the ipstats database and one table per dataset plus city_config and manifests', () => {
    template.hasResourceProperties('AWS::Glue::Database', { DatabaseInput: { Name: 'ipstats' } });
    expect(tables.map((t) => t.Name)).toEqual([...DATASET_NAMES, 'city_config', 'manifests']);
  });

  it('reads the pretty-printed manifests with the Ion SerDe, one projected partition per dataset folder', () => {
    const manifests = table('manifests');
    expect(manifests.StorageDescriptor.Location).toEqual(lakeUrl('/manifests/'));
    expect(manifests.StorageDescriptor.Columns).toEqual([
      { Name: 'source_sha256', Type: 'string' },
      { Name: 'status', Type: 'string' },
      { Name: 'ingest_seq', Type: 'int' },
    ]);
    expect(manifests.PartitionKeys).toEqual([{ Name: 'dataset', Type: 'string' }]);
    expect(manifests.StorageDescriptor.InputFormat).toBe('com.amazon.ionhiveserde.formats.IonInputFormat');
    expect(manifests.StorageDescriptor.OutputFormat).toBe('com.amazon.ionhiveserde.formats.IonOutputFormat');
    expect(manifests.StorageDescriptor.SerdeInfo).toEqual({
      SerializationLibrary: 'com.amazon.ionhiveserde.IonHiveSerDe',
      Parameters: {
        'ion.source_sha256.path_extractor': '(source sha256)',
        'ion.status.path_extractor': '(status)',
        'ion.ingest_seq.path_extractor': '(ingest_seq)',
      },
    });
    expect(manifests.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.dataset.type': 'enum',
      'projection.dataset.values': DATASET_NAMES.join(','),
    });
    expect(manifests.Parameters['storage.location.template']).toEqual(lakeUrl('/manifests/${dataset}/'));
  });

  it('generates each table\'s columns from the zod spec, lineage columns last, partition columns as keys', () => {
    for (const name of DATASET_NAMES) {
      const spec = DATASETS[name];
      const expected = [...spec.curatedColumns, ...LINEAGE_COLUMNS].map((c) => ({ name: c.name, type: glueColumnType(c.sqlType) }));
      expect(table(name).StorageDescriptor.Columns.map((c) => ({ name: c.Name, type: c.Type }))).toEqual(expected);
    }
    expect(table('patent_events').StorageDescriptor.Columns.find((c) => c.Name === 'contract_amount_cny')).toEqual({ Name: 'contract_amount_cny', Type: 'decimal(18,2)', Comment: expect.any(String) });
    expect(table('patents').PartitionKeys).toEqual([{ Name: 'year', Type: 'int' }, { Name: 'month', Type: 'int' }]);
    // Optional columns added later (issue 12 §3): listed by name; the Parquet SerDe reads them as NULL from older files.
    const columnOf = (dataset: string, column: string) => table(dataset).StorageDescriptor.Columns.find((c) => c.Name === column);
    expect(columnOf('patents', 'strategic_emerging')).toEqual({ Name: 'strategic_emerging', Type: 'boolean', Comment: '战略性新兴产业' });
    expect(columnOf('pledges', 'patent_application_nos')).toEqual({ Name: 'patent_application_nos', Type: 'string', Comment: '质押专利申请号' });
    expect(columnOf('city_accounts', 'resident_population')).toEqual({ Name: 'resident_population', Type: 'int', Comment: '常住人口' });
    expect(table('patents').StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe');
    expect(table('city_accounts').PartitionKeys).toEqual([{ Name: 'year', Type: 'int' }]);
    expect(table('gi_products').PartitionKeys).toEqual([]);
    expect(table('city_config').StorageDescriptor.Columns.map((c) => c.Name)).toEqual(['city_code', 'city_name', 'programme_start_year', 'base_year']);
  });

  it('reads Parquet through the Hive Parquet SerDe at curated/<dataset>/ in the lake bucket', () => {
    const patents = table('patents');
    expect(patents.TableType).toBe('EXTERNAL_TABLE');
    expect(patents.StorageDescriptor.InputFormat).toBe('org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat');
    expect(patents.StorageDescriptor.OutputFormat).toBe('org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat');
    expect(patents.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe');
    expect(patents.StorageDescriptor.Location).toEqual(lakeUrl('/curated/patents/'));
  });

  it('enables partition projection with a two-digit month, exactly like lakeKeys.curated writes keys', () => {
    const parameters = table('patent_events').Parameters;
    expect(parameters['projection.enabled']).toBe('true');
    expect(parameters['projection.year.range']).toBe('1985,2099');
    expect(parameters['projection.month.range']).toBe('1,12');
    expect(parameters['projection.month.digits']).toBe('2');
    expect(parameters.classification).toBe('parquet');
    expect(parameters['storage.location.template']).toEqual(lakeUrl('/curated/patent_events/year=${year}/month=${month}/'));
    expect(table('enterprises').Parameters['projection.enabled']).toBeUndefined();
  });

  it('enforces the workgroup: engine v3, SSE-KMS results with the lake key, metrics, a 10 GiB cutoff', () => {
    const workgroups = Object.values(resourcesOf(template, 'AWS::Athena::WorkGroup'));
    expect(workgroups).toHaveLength(1);
    const config = workgroups[0]!.Properties.WorkGroupConfiguration as Record<string, unknown>;
    expect(workgroups[0]!.Properties.Name).toBe('ipstats');
    expect(config.EnforceWorkGroupConfiguration).toBe(true);
    expect(config.EngineVersion).toEqual({ SelectedEngineVersion: 'Athena engine version 3' });
    expect(config.PublishCloudWatchMetricsEnabled).toBe(true);
    expect(config.BytesScannedCutoffPerQuery).toBe(10 * 1024 ** 3);
    const result = config.ResultConfiguration as { OutputLocation: unknown; EncryptionConfiguration: { EncryptionOption: string; KmsKey: unknown } };
    expect(result.EncryptionConfiguration.EncryptionOption).toBe('SSE_KMS');
    expect(JSON.stringify(result.EncryptionConfiguration.KmsKey)).toContain('LakeKey');
    expect(result.OutputLocation).toEqual({ 'Fn::Join': ['', ['s3://ipstats-athena-results-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }, '/athena/']] });
  });

  it('takes the cutoff as a prop and refuses one below Athena\'s 10 MB floor', () => {
    const { template: custom } = build({ bytesScannedCutoffPerQuery: 1_000_000_000 });
    custom.hasResourceProperties('AWS::Athena::WorkGroup', { WorkGroupConfiguration: { BytesScannedCutoffPerQuery: 1_000_000_000 } });
    expect(() => build({ bytesScannedCutoffPerQuery: 5 })).toThrow('bytesScannedCutoffPerQuery must be a whole number of bytes of at least 10000000 (Athena\'s minimum), got 5');
  });
});
