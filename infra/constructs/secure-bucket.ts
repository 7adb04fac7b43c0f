/**
 * An S3 bucket with the project's baseline: KMS encryption (bucket key on), SSL only,
 * versioned, no public access, no ACLs, server access logs to the log bucket, and old
 * versions expiring so that versioning does not keep every overwritten object forever.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { requirePositiveInteger } from './validate-props.ts';

export interface SecureBucketProps {
  readonly encryptionKey: kms.IKey;
  /** Bucket that receives this bucket's server access logs. */
  readonly accessLogsBucket: s3.IBucket;
  /** Keep the bucket and its objects when the stack is deleted. @default true */
  readonly retainOnDelete?: boolean;
  /** Days after which a noncurrent (overwritten or deleted) version is removed. @default 90 */
  readonly noncurrentVersionsExpireDays?: number;
  /** Days after which current objects expire; for scratch data such as query results. @default never */
  readonly objectsExpireDays?: number;
  /** Publish object events to EventBridge as well. @default false */
  readonly eventBridgeEnabled?: boolean;
}

export class SecureBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const noncurrentDays = requirePositiveInteger('noncurrentVersionsExpireDays', props.noncurrentVersionsExpireDays ?? 90);
    const expireDays = props.objectsExpireDays === undefined ? undefined : requirePositiveInteger('objectsExpireDays', props.objectsExpireDays);
    const retain = props.retainOnDelete ?? true;
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: `${id.toLowerCase()}/`,
      eventBridgeEnabled: props.eventBridgeEnabled ?? false,
      lifecycleRules: [
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(noncurrentDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
        ...(expireDays === undefined ? [] : [{ id: 'expire-objects', expiration: Duration.days(expireDays) }]),
      ],
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !retain,
    });
  }
}
