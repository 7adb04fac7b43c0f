/**
 * CDK feature flags the stacks rely on, shared by cdk.json and the tests (a test App does not
 * read cdk.json, and a flag that differs would make the tests synthesise another template).
 */
export const IPSTATS_FEATURE_FLAGS = {
  // Server access logs are granted by bucket policy, not the legacy LogDeliveryWrite ACL
  // (the buckets enforce bucket-owner object ownership, which disables ACLs).
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-s3:createDefaultLoggingPolicy': true,
  // The S3 trigger on the imported lake bucket stays in the pipeline stack.
  '@aws-cdk/aws-s3:keepNotificationInImportedBucket': true,
  // Environment-agnostic templates must resolve partition facts for China too.
  '@aws-cdk/core:target-partitions': ['aws', 'aws-cn'],
  // Keys and topics are exported from the stacks that own them; an export in use cannot be
  // removed by mistake (the producer stays protected).
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
  // Six functions with prefix-scoped grants: merge statements to stay under IAM's size limits.
  '@aws-cdk/aws-iam:minimizePolicies': true,
} as const;
