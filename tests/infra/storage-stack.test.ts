import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { StorageStack } from '../../infra/stacks/storage-stack.ts';
import { bucketNames } from '../../infra/storage/bucket-names.ts';
import { newTestApp, resourcesOf } from './support/synth-ipstats.ts';
import { Template } from 'aws-cdk-lib/assertions';

describe('StorageStack', () => {
  const stack = new StorageStack(newTestApp(), 'Test', { athenaResultsExpireDays: 14, bucketNames: bucketNames('ipstats') });
  const template = Template.fromStack(stack);
  const logicalId = (bucket: { node: { defaultChild?: unknown } }) => stack.getLogicalId(bucket.node.defaultChild as never);
  const bucket = (b: { node: { defaultChild?: unknown } }) => resourcesOf(template, 'AWS::S3::Bucket')[logicalId(b)]!;

  it('has two rotating KMS keys (lake data, messaging) and four buckets', () => {
    template.resourcePropertiesCountIs('AWS::KMS::Key', { EnableKeyRotation: true }, 2);
    template.resourceCountIs('AWS::S3::Bucket', 4);
  });

  it('encrypts lake, reports and Athena results with the lake key, and blocks public access everywhere', () => {
    const lakeKeyRef = { 'Fn::GetAtt': [stack.getLogicalId(stack.lakeKey.node.defaultChild as never), 'Arn'] };
    for (const b of [stack.lakeBucket, stack.reportsBucket, stack.athenaResultsBucket]) {
      expect(bucket(b).Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { KMSMasterKeyID: lakeKeyRef, SSEAlgorithm: 'aws:kms' } }],
      });
    }
    for (const b of [stack.lakeBucket, stack.reportsBucket, stack.athenaResultsBucket, stack.accessLogsBucket]) {
      expect(bucket(b).Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(bucket(b).Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(bucket(b).DeletionPolicy).toBe('Retain');
    }
  });

  it('names buckets by purpose, account and region, so other stacks and operators can find them', () => {
    const name = (b: { node: { defaultChild?: unknown } }) => bucket(b).Properties.BucketName;
    expect(name(stack.lakeBucket)).toEqual({ 'Fn::Join': ['', ['ipstats-lake-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]] });
    expect(name(stack.athenaResultsBucket)).toEqual({ 'Fn::Join': ['', ['ipstats-athena-results-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]] });
    expect(() => bucketNames('Ipstats')).toThrow('bucket name prefix must be 1–20 lower-case letters, digits or hyphens, starting with a letter, got "Ipstats"');
  });

  it('uses SSE-S3 for the access-log bucket, which S3 log delivery requires', () => {
    expect(bucket(stack.accessLogsBucket).Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
  });

  it('sends server access logs of the data buckets to the log bucket, each under its own prefix', () => {
    const logBucket = { Ref: logicalId(stack.accessLogsBucket) };
    expect(bucket(stack.lakeBucket).Properties.LoggingConfiguration).toEqual({ DestinationBucketName: logBucket, LogFilePrefix: 'lake/' });
    expect(bucket(stack.reportsBucket).Properties.LoggingConfiguration).toEqual({ DestinationBucketName: logBucket, LogFilePrefix: 'reports/' });
    expect(bucket(stack.athenaResultsBucket).Properties.LoggingConfiguration).toEqual({ DestinationBucketName: logBucket, LogFilePrefix: 'athenaresults/' });
  });

  it('expires Athena results, noncurrent versions, scratch work and old logs', () => {
    const rules = (b: { node: { defaultChild?: unknown } }) => (bucket(b).Properties.LifecycleConfiguration as { Rules: unknown[] }).Rules;
    expect(rules(stack.athenaResultsBucket)).toEqual([
      { Id: 'expire-noncurrent-versions', NoncurrentVersionExpiration: { NoncurrentDays: 90 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, Status: 'Enabled' },
      { Id: 'expire-objects', ExpirationInDays: 14, Status: 'Enabled' },
    ]);
    expect(rules(stack.lakeBucket)).toEqual([
      { Id: 'expire-noncurrent-versions', NoncurrentVersionExpiration: { NoncurrentDays: 90 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, Status: 'Enabled' },
      { Id: 'expire-work', Prefix: 'work/', ExpirationInDays: 7, Status: 'Enabled' },
    ]);
    expect(rules(stack.accessLogsBucket)).toEqual([{ Id: 'expire-logs', ExpirationInDays: 365, NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }]);
  });

  it('denies requests without TLS on every bucket', () => {
    const policies = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(4);
    for (const policy of policies) {
      const statements = (policy.Properties.PolicyDocument as { Statement: unknown[] }).Statement;
      expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    }
  });

  it('lets CloudWatch alarms use the messaging key only for this account', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'CloudWatchAlarmsPublishToEncryptedTopics',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
  });

  it('rejects a retention that is not a positive whole number, naming the prop and the value', () => {
    expect(() => new StorageStack(newTestApp(), 'Bad', { athenaResultsExpireDays: 0 })).toThrow('objectsExpireDays must be a positive whole number, got 0');
  });
});
