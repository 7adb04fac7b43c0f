/**
 * The Athena workgroup every ipstats query runs in. Its settings are enforced (clients cannot
 * override them): engine v3 (Trino, the dialect sql/ is written for), results encrypted with
 * the lake key in the results bucket, CloudWatch metrics, and a cutoff on bytes scanned per
 * query so that a query without a partition filter cannot run up the bill.
 */
import { Stack } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Where query results go in the results bucket. */
export const ATHENA_RESULTS_PREFIX = 'athena/';

/** Athena's floor for a per-query cutoff. */
export const ATHENA_MIN_BYTES_SCANNED_CUTOFF = 10_000_000;

export interface AthenaWorkgroupProps {
  readonly resultsBucket: s3.IBucket;
  readonly resultsKey: kms.IKey;
  /** @default 'ipstats' */
  readonly workgroupName?: string;
  /** Bytes one query may scan before Athena cancels it (at least 10 MB). @default 10 GiB */
  readonly bytesScannedCutoffPerQuery?: number;
}

export class AthenaWorkgroup extends Construct {
  readonly workgroupName: string;
  readonly workgroup: athena.CfnWorkGroup;

  constructor(scope: Construct, id: string, props: AthenaWorkgroupProps) {
    super(scope, id);
    const cutoff = props.bytesScannedCutoffPerQuery ?? 10 * 1024 ** 3;
    if (!Number.isInteger(cutoff) || cutoff < ATHENA_MIN_BYTES_SCANNED_CUTOFF) {
      throw new RangeError(`bytesScannedCutoffPerQuery must be a whole number of bytes of at least ${ATHENA_MIN_BYTES_SCANNED_CUTOFF} (Athena's minimum), got ${cutoff}`);
    }
    this.workgroupName = props.workgroupName ?? 'ipstats';
    this.workgroup = new athena.CfnWorkGroup(this, 'WorkGroup', {
      name: this.workgroupName,
      description: 'ipstats: queries over the lake (enforced settings)',
      state: 'ENABLED',
      recursiveDeleteOption: false,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: cutoff,
        requesterPaysEnabled: false,
        resultConfiguration: {
          outputLocation: `s3://${props.resultsBucket.bucketName}/${ATHENA_RESULTS_PREFIX}`,
          expectedBucketOwner: Stack.of(this).account,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: props.resultsKey.keyArn },
        },
      },
    });
  }
}
