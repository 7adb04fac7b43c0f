/**
 * Stateful resources of ipstats, in their own stack so that the stateless stacks can be
 * replaced freely: the KMS key, the lake, the reports, the Athena results and the access logs.
 */
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { AccessLogBucket } from '../constructs/access-log-bucket.ts';
import { SecureBucket } from '../constructs/secure-bucket.ts';

/** Scratch prefix of the lake bucket for partial results of large-file ingestion. */
export const LAKE_WORK_PREFIX = 'work/';

export interface StorageStackProps extends StackProps {
  /** Keep the key and the buckets when the stack is deleted. @default true */
  readonly retainOnDelete?: boolean;
  /** Days Athena query results are kept. @default 30 */
  readonly athenaResultsExpireDays?: number;
  /** Days overwritten or deleted object versions are kept. @default 90 */
  readonly noncurrentVersionsExpireDays?: number;
  /** Days server access logs are kept. @default 365 */
  readonly accessLogsExpireDays?: number;
}

export class StorageStack extends Stack {
  readonly lakeKey: kms.Key;
  /** Encrypts SNS topics and dead-letter queues; CloudWatch alarms may use it to publish. */
  readonly messagingKey: kms.Key;
  readonly accessLogsBucket: s3.Bucket;
  readonly lakeBucket: s3.Bucket;
  readonly reportsBucket: s3.Bucket;
  readonly athenaResultsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: StorageStackProps = {}) {
    super(scope, id, props);
    const retainOnDelete = props.retainOnDelete ?? true;
    this.lakeKey = new kms.Key(this, 'LakeKey', {
      enableKeyRotation: true,
      description: 'ipstats: encrypts the lake, the reports and Athena results',
      removalPolicy: retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.messagingKey = new kms.Key(this, 'MessagingKey', {
      enableKeyRotation: true,
      description: 'ipstats: encrypts SNS topics and dead-letter queues',
      removalPolicy: retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // Alarm actions publish to encrypted topics with CloudWatch's own principal, not a role.
    this.messagingKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToEncryptedTopics',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    this.accessLogsBucket = new AccessLogBucket(this, 'AccessLogs', { expireDays: props.accessLogsExpireDays, retainOnDelete }).bucket;
    const common = {
      encryptionKey: this.lakeKey,
      accessLogsBucket: this.accessLogsBucket,
      retainOnDelete,
      noncurrentVersionsExpireDays: props.noncurrentVersionsExpireDays,
    };
    this.lakeBucket = new SecureBucket(this, 'Lake', common).bucket;
    // Partial results of large-file ingestion (byte ranges), merged within hours.
    this.lakeBucket.addLifecycleRule({ id: 'expire-work', prefix: LAKE_WORK_PREFIX, expiration: Duration.days(7) });
    this.reportsBucket = new SecureBucket(this, 'Reports', common).bucket;
    this.athenaResultsBucket = new SecureBucket(this, 'AthenaResults', {
      ...common,
      objectsExpireDays: props.athenaResultsExpireDays ?? 30,
    }).bucket;
  }
}
