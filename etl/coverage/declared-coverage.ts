/**
 * A coverage declaration as the ingestion receives it: the months a delivery covers and where
 * the declaration came from (the manifest's `coverage.declared_in`, docs/lake.md).
 */
import type { MonthRange } from './coverage-range.ts';

export interface DeclaredCoverage extends MonthRange {
  /**
   * `--covers` (command line), `<dataset folder>/coverage.json` (the coverage file beside the
   * files) or `s3 metadata ipstats-covers` (the uploaded object's metadata).
   */
  readonly declaredIn: string;
}

export const DECLARED_IN_COVERS_OPTION = '--covers';
export const DECLARED_IN_S3_METADATA = 's3 metadata ipstats-covers';
