/**
 * The columns of a dataset's staging CSV: the curated columns, the year partition column of
 * annual datasets (it lives in the Parquet path, not in the file, but the ingestion needs its
 * value to place the row and to key it), then the lineage columns.
 */
import { LINEAGE_COLUMNS, type CuratedColumn, type DatasetSpec } from '../schemas/dataset-spec.ts';

export function stagingColumnsOf(dataset: DatasetSpec): CuratedColumn[] {
  const { partitioning, curatedColumns } = dataset;
  const yearColumn: CuratedColumn[] =
    partitioning.kind === 'year' && !curatedColumns.some((column) => column.name === partitioning.column)
      ? [{ name: partitioning.column, sqlType: 'INTEGER', labelZh: '年份', nullable: false }]
      : [];
  return [...curatedColumns, ...yearColumn, ...LINEAGE_COLUMNS];
}
