/**
 * Athena partition projection for a lake table: partitions are computed from the key layout
 * of docs/lake.md (`year=YYYY/month=MM`) instead of being registered in Glue, so new files are
 * queryable the moment they land, with no crawler and no MSCK REPAIR.
 */
import type { Partitioning } from '../../etl/schemas/dataset-spec.ts';

export interface ProjectionYears {
  readonly first: number;
  readonly last: number;
}

/** Table parameters enabling projection; empty for unpartitioned tables. */
export function partitionProjectionParameters(location: string, partitioning: Partitioning, years: ProjectionYears): Record<string, string> {
  if (!location.endsWith('/')) throw new RangeError(`table location must end with "/", got ${location}`);
  if (!Number.isInteger(years.first) || !Number.isInteger(years.last) || years.first > years.last) {
    throw new RangeError(`projection years must be whole numbers with first <= last, got ${years.first}..${years.last}`);
  }
  const yearRange = `${years.first},${years.last}`;
  switch (partitioning.kind) {
    case 'none':
      return {};
    case 'year':
      return {
        'projection.enabled': 'true',
        [`projection.${partitioning.column}.type`]: 'integer',
        [`projection.${partitioning.column}.range`]: yearRange,
        'storage.location.template': `${location}${partitioning.column}=\${${partitioning.column}}/`,
      };
    case 'month':
      return {
        'projection.enabled': 'true',
        'projection.year.type': 'integer',
        'projection.year.range': yearRange,
        'projection.month.type': 'integer',
        'projection.month.range': '1,12',
        // lakeKeys.curated writes month=06: two digits, zero-padded.
        'projection.month.digits': '2',
        'storage.location.template': `${location}year=\${year}/month=\${month}/`,
      };
  }
}
