/** Stateful resources of ipstats: the lake's encryption key and bucket (the AWS issue adds the rest). */
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { SecureBucket } from '../constructs/secure-bucket.ts';

export interface StorageStackProps extends StackProps {
  /** Keep buckets when the stack is deleted. @default true */
  readonly retainOnDelete?: boolean;
}

export class StorageStack extends Stack {
  readonly lakeKey: kms.Key;
  readonly lakeBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: StorageStackProps = {}) {
    super(scope, id, props);
    this.lakeKey = new kms.Key(this, 'LakeKey', { enableKeyRotation: true, description: 'ipstats lake encryption' });
    this.lakeBucket = new SecureBucket(this, 'Lake', { encryptionKey: this.lakeKey, retainOnDelete: props.retainOnDelete }).bucket;
  }
}
