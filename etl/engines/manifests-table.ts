/**
 * The lake's manifests as a SQL source table, `manifests`: the commit record of every ingestion
 * (docs/lake.md "The commit rule"). The staging views count a curated row only when its
 * `_source_sha256` has a manifest with status `ingested` here. Declared once: DuckDB reads the
 * manifests with read_json (manifests-source.ts), Athena through a Glue table with the Ion SerDe
 * (infra/constructs/manifests-glue-table.ts); both take each column from the same JSON path.
 */
import type { SqlType } from '../schemas/dataset-spec.ts';

export interface ManifestColumn {
  readonly name: string;
  readonly sqlType: SqlType;
  /** Where the value is in a manifest (etl/ingest/manifest.ts): field names from the top. */
  readonly path: readonly [string] | readonly [string, string];
}

export interface ManifestsTable {
  readonly name: 'manifests';
  /** Read from each manifest's JSON. */
  readonly columns: readonly ManifestColumn[];
  /** The dataset: the folder `manifests/<dataset>/` (a partition in Athena), also the manifest's `dataset` field. */
  readonly partitionColumn: { readonly name: 'dataset'; readonly sqlType: 'VARCHAR' };
}

export const MANIFESTS_TABLE: ManifestsTable = {
  name: 'manifests',
  columns: [
    { name: 'source_sha256', sqlType: 'VARCHAR', path: ['source', 'sha256'] },
    { name: 'status', sqlType: 'VARCHAR', path: ['status'] },
    { name: 'ingest_seq', sqlType: 'INTEGER', path: ['ingest_seq'] },
  ],
  partitionColumn: { name: 'dataset', sqlType: 'VARCHAR' },
};

/** Every column the SQL table exposes, partition column last (as Glue lists partition keys). */
export function manifestsSqlColumns(table: ManifestsTable = MANIFESTS_TABLE): { name: string; sqlType: SqlType }[] {
  return [...table.columns.map(({ name, sqlType }) => ({ name, sqlType })), { ...table.partitionColumn }];
}
