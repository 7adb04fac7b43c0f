import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { StorageStack } from '../../infra/stacks/storage-stack.ts';

describe('StorageStack', () => {
  const template = Template.fromStack(new StorageStack(new App(), 'Test'));

  it('rotates the lake key', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('makes the lake bucket KMS-encrypted, versioned and private', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
  });

  it('denies requests without TLS', () => {
    const policies = template.findResources('AWS::S3::BucketPolicy');
    const statements = Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('keeps the lake when the stack is deleted', () => {
    const buckets = Object.values(template.findResources('AWS::S3::Bucket'));
    expect(buckets.map((bucket) => bucket.DeletionPolicy)).toEqual(['Retain']);
  });
});
