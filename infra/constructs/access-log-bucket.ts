/**
 * The bucket that receives the other buckets' S3 server access logs. S3 log delivery cannot
 * write to a bucket encrypted with a customer KMS key, so this one uses SSE-S3; it does not log
 * to itself (that would log its own log writes).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { requirePositiveInteger } from './validate-props.ts';

export interface AccessLogBucketProps {
  /** Days a log object is kept. @default 365 */
  readonly expireDays?: number;
  /** Days after which a noncurrent version is removed. @default 30 */
  readonly noncurrentVersionsExpireDays?: number;
  /** Keep the bucket when the stack is deleted. @default true */
  readonly retainOnDelete?: boolean;
}

export class AccessLogBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps = {}) {
    super(scope, id);
    const expireDays = requirePositiveInteger('expireDays', props.expireDays ?? 365);
    const noncurrentDays = requirePositiveInteger('noncurrentVersionsExpireDays', props.noncurrentVersionsExpireDays ?? 30);
    const retain = props.retainOnDelete ?? true;
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        { id: 'expire-logs', expiration: Duration.days(expireDays), noncurrentVersionExpiration: Duration.days(noncurrentDays) },
      ],
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !retain,
    });
  }
}
