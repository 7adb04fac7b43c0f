/**
 * Object access by key prefix, written out statement by statement instead of the L2 grants
 * (which add s3:GetObject*, s3:List*, kms:ReEncrypt* and other wildcard actions). Listing the
 * bucket is allowed whole: S3 answers a GET of a missing key with 404 only to callers that may
 * list, and the ingestion tells "not there yet" from "forbidden" that way. Each prefix wildcard
 * is acknowledged for cdk-nag: object keys are content hashes unknown at deploy time.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge, wildcardResourceFinding } from '../nag/acknowledge.ts';

export interface BucketPrefixAccess {
  readonly bucket: s3.IBucket;
  /** The bucket's SSE-KMS key. */
  readonly key: kms.IKey;
  /** Prefixes (ending in "/") whose objects may be read. @default none */
  readonly read?: readonly string[];
  /** Prefixes whose objects may be written. @default none */
  readonly write?: readonly string[];
  /** Prefixes whose objects may be deleted. @default none */
  readonly delete?: readonly string[];
  /** Single keys that may be read. @default none */
  readonly readKeys?: readonly string[];
}

export function grantBucketPrefixes(role: iam.IRole, access: BucketPrefixAccess, purpose: string): void {
  const read = access.read ?? [];
  const write = access.write ?? [];
  const remove = access.delete ?? [];
  for (const prefix of [...read, ...write, ...remove]) {
    if (!/^[^/*][^*]*\/$/.test(prefix)) throw new RangeError(`a prefix must end with "/" and hold no "*" or leading "/", got "${prefix}"`);
  }
  const objects = (prefixes: readonly string[]) => prefixes.map((prefix) => access.bucket.arnForObjects(`${prefix}*`));
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [access.bucket.bucketArn] }));
  const readResources = [...objects(read), ...(access.readKeys ?? []).map((key) => access.bucket.arnForObjects(key))];
  if (readResources.length > 0) role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: readResources }));
  if (write.length > 0) role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: objects(write) }));
  if (remove.length > 0) role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:DeleteObject'], resources: objects(remove) }));
  const kmsActions = write.length > 0 ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'];
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: kmsActions, resources: [access.key.keyArn] }));

  for (const prefix of new Set([...read, ...write, ...remove])) {
    acknowledge(
      role,
      wildcardResourceFinding(role, access.bucket.arnForObjects(`${prefix}*`)),
      `${purpose}: objects under ${prefix} only; their keys are content hashes and dates not known at deploy time`,
    );
  }
}
