/**
 * A coverage declaration on an uploaded source object: its S3 user metadata `ipstats-covers`
 * (`aws s3 cp f.csv s3://LAKE/inbox/pledges/ --metadata ipstats-covers=2019-01..2025-03`,
 * docs/aws.md). Read with a HEAD before the object is ingested; a malformed value, or one on a
 * dataset whose coverage cannot be declared, fails that object's ingestion.
 */
import { parseMonthRange } from '../coverage/coverage-range.ts';
import { assertCoverageDeclarable } from '../coverage/declarable-dataset.ts';
import { DECLARED_IN_S3_METADATA, type DeclaredCoverage } from '../coverage/declared-coverage.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';

/** The user metadata name (S3 keeps it lower-case; the header is `x-amz-meta-ipstats-covers`). */
export const COVERS_METADATA_KEY = 'ipstats-covers';

const LABEL = `S3 metadata ${COVERS_METADATA_KEY}`;

/** The declaration on the object at `key`, or undefined when it has none (or no longer exists: the download then says so). */
export async function declaredCoverageOfObject(store: ObjectStore, key: string, dataset: DatasetSpec): Promise<DeclaredCoverage | undefined> {
  const value = (await store.head(key))?.metadata?.[COVERS_METADATA_KEY];
  if (value === undefined) return undefined;
  const range = parseMonthRange(value, LABEL);
  assertCoverageDeclarable(dataset, `${LABEL} '${value}'`);
  return { ...range, declaredIn: DECLARED_IN_S3_METADATA };
}
