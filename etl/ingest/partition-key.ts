/**
 * The partition of a validated row as one number, computed without allocating: year × 100 +
 * month for monthly datasets, the year for annual ones, 0 for unpartitioned ones. Numbers
 * order like the period labels they stand for, so the first and last periods are a min and max.
 */
import type { NormalisedRow, Partitioning } from '../schemas/dataset-spec.ts';

export type PartitionKeyOf = (row: NormalisedRow) => number;

export interface PartitionPeriod {
  /** `YYYY-MM`, `YYYY`, or '' for an unpartitioned dataset. */
  readonly label: string;
  readonly year?: number;
  readonly month?: number;
}

const ZERO = 48;

export function partitionKeyFunction(partitioning: Partitioning): PartitionKeyOf {
  switch (partitioning.kind) {
    case 'month': {
      const column = partitioning.column;
      // A normalised date is `YYYY-MM-DD`.
      return (row) => {
        const date = row[column] as string;
        const year = (date.charCodeAt(0) - ZERO) * 1000 + (date.charCodeAt(1) - ZERO) * 100 + (date.charCodeAt(2) - ZERO) * 10 + (date.charCodeAt(3) - ZERO);
        return year * 100 + (date.charCodeAt(5) - ZERO) * 10 + (date.charCodeAt(6) - ZERO);
      };
    }
    case 'year': {
      const column = partitioning.column;
      return (row) => row[column] as number;
    }
    case 'none':
      return () => 0;
  }
}

/** The same number in SQL, of the partition column's value `value` (a DATE, or the year) — the ingestion in DuckDB's. */
export function partitionKeySql(partitioning: Partitioning, value: string | undefined): string {
  if (partitioning.kind === 'none') return '0';
  if (value === undefined) throw new Error(`partition column ${partitioning.column}: no value to key the partition by`);
  return partitioning.kind === 'month' ? `year(${value}) * 100 + month(${value})` : `CAST(${value} AS INTEGER)`;
}

export function partitionPeriodOf(partitioning: Partitioning, key: number): PartitionPeriod {
  switch (partitioning.kind) {
    case 'month': {
      const year = Math.floor(key / 100);
      const month = key % 100;
      return { label: `${year}-${String(month).padStart(2, '0')}`, year, month };
    }
    case 'year':
      return { label: String(key), year: key };
    case 'none':
      return { label: '' };
  }
}
