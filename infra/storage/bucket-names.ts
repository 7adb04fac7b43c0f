/**
 * The buckets' names: fixed by purpose, account and region, so that the other stacks name a
 * bucket through pseudo parameters instead of a cross-stack export. That keeps their IAM
 * policies (and the cdk-nag acknowledgements of their prefix wildcards) identical before and
 * after synthesis, and gives operators a predictable place to upload sources:
 * `s3://ipstats-lake-<account>-<region>/inbox/<dataset>/`.
 */
import { Aws } from 'aws-cdk-lib';

export const BUCKET_PURPOSES = ['lake', 'reports', 'athena-results', 'access-logs'] as const;
export type BucketPurpose = (typeof BUCKET_PURPOSES)[number];

export type BucketNames = Readonly<Record<BucketPurpose, string>>;

export function bucketNames(namePrefix: string): BucketNames {
  // 63 characters at most: prefix + "-athena-results-" + 12-digit account + "-" + region (≤ 14).
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(namePrefix)) {
    throw new RangeError(`bucket name prefix must be 1–20 lower-case letters, digits or hyphens, starting with a letter, got "${namePrefix}"`);
  }
  return Object.fromEntries(BUCKET_PURPOSES.map((purpose) => [purpose, `${namePrefix}-${purpose}-${Aws.ACCOUNT_ID}-${Aws.REGION}`])) as BucketNames;
}
