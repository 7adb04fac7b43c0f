/**
 * Long-lived credentials that sign the 7-day report links. A URL presigned with a Lambda role's
 * temporary credentials dies when they expire (hours); one signed with an IAM user's access key
 * lives its full `X-Amz-Expires`. The user may only read `reports/*` (and decrypt through S3);
 * its key lives in a KMS-encrypted Secrets Manager secret that only the `report` function reads.
 *
 * Rotation (docs/aws.md): keys are numbered by `keySerials`; the last one is in the secret.
 * [1] → [1, 2] puts key 2 in the secret while key 1 stays valid for links already sent;
 * 7 days later [2] deletes key 1. IAM allows two keys per user, hence at most two serials.
 */
import { Aws, Duration, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge, wildcardResourceFinding } from '../nag/acknowledge.ts';

/** The variable the report function reads (etl/aws/runtime-env.ts). */
export const LINK_SIGNER_SECRET_ENV = 'IPSTATS_LINK_SIGNER_SECRET_ARN';
export const LINK_SIGNER_USER_NAME = 'ipstats-report-link-signer';

export interface ReportLinkSignerProps {
  readonly reportsBucket: s3.IBucket;
  /** The key the reports bucket is encrypted with. */
  readonly reportsKey: kms.IKey;
  /** Object prefix the links point into. @default 'reports/' */
  readonly reportsPrefix?: string;
  /**
   * Serial numbers of the user's access keys, oldest first; the last one is in the secret.
   * Changing the set replaces keys (see the rotation procedure above). @default [1]
   */
  readonly keySerials?: readonly number[];
  /** IAM user name; unique per account. @default 'ipstats-report-link-signer' */
  readonly userName?: string;
}

export class ReportLinkSigner extends Construct {
  readonly user: iam.User;
  readonly secret: secretsmanager.Secret;
  readonly secretKey: kms.Key;
  /** Every access key, by serial; the secret holds the last. */
  readonly accessKeys: ReadonlyMap<number, iam.AccessKey>;

  constructor(scope: Construct, id: string, props: ReportLinkSignerProps) {
    super(scope, id);
    const serials = props.keySerials ?? [1];
    validateKeySerials(serials);
    const prefix = props.reportsPrefix ?? 'reports/';
    if (!/^[^/*]+\/$/.test(prefix)) throw new RangeError(`reportsPrefix must be one folder such as "reports/", got "${prefix}"`);

    this.user = new iam.User(this, 'User', { userName: props.userName ?? LINK_SIGNER_USER_NAME });
    const reportObjects = props.reportsBucket.arnForObjects(`${prefix}*`);
    this.user.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'ReadReports', actions: ['s3:GetObject'], resources: [reportObjects] }));
    this.user.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DecryptReportsThroughS3',
        actions: ['kms:Decrypt'],
        resources: [props.reportsKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': viaService('s3') } },
      }),
    );
    acknowledge(
      this.user,
      wildcardResourceFinding(this, reportObjects),
      `the link signer signs GET links to any city's report files, so its scope is every object under ${prefix} of the reports bucket and nothing else (no list, no write, no other prefix)`,
    );

    this.accessKeys = new Map(serials.map((serial) => [serial, new iam.AccessKey(this, `AccessKey${serial}`, { user: this.user, serial })]));
    const current = this.accessKeys.get(serials[serials.length - 1]!)!;

    this.secretKey = new kms.Key(this, 'SecretKey', {
      description: 'ipstats: encrypts the report link signer access key secret',
      enableKeyRotation: true,
      // Nothing to recover: the secret only holds a key of the user deleted with the same stack.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: `ipstats: access key of IAM user ${this.user.userName}, which signs the 7-day report links`,
      secretObjectValue: {
        accessKeyId: SecretValue.unsafePlainText(current.accessKeyId),
        secretAccessKey: current.secretAccessKey,
      },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Encrypted with the key through the L1 property, not the `encryptionKey` prop: with the prop,
    // aws-cdk-lib adds a key policy statement for `secretsmanager.<region>.amazonaws.com`, a
    // literal domain that never matches in the China regions (amazonaws.com.cn). Readers get
    // kms:Decrypt through their IAM policy instead (grantRead below), with AWS::URLSuffix.
    (this.secret.node.defaultChild as secretsmanager.CfnSecret).kmsKeyId = this.secretKey.keyArn;
    acknowledge(
      this.secret,
      'AwsSolutions-SMG4',
      'the secret holds an IAM access key that Secrets Manager cannot rotate without a custom rotation Lambda; it is rotated by the documented procedure (docs/aws.md, keySerials [n] → [n, n+1] → [n+1]) so links signed with the old key keep working for their 7 days',
    );
  }

  /**
   * Lets a function read the secret (and only it) and tells it where it is: GetSecretValue on
   * the secret's ARN, kms:Decrypt on its key through Secrets Manager, and the environment variable.
   */
  grantSigning(fn: lambda.Function): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({ sid: 'ReadLinkSignerSecret', actions: ['secretsmanager:GetSecretValue'], resources: [this.secret.secretArn] }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'DecryptLinkSignerSecret',
        actions: ['kms:Decrypt'],
        resources: [this.secretKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': viaService('secretsmanager') } },
      }),
    );
    fn.addEnvironment(LINK_SIGNER_SECRET_ENV, this.secret.secretArn);
  }
}

/** `<service>.<region>.<URL suffix>`: amazonaws.com, or amazonaws.com.cn in the China regions. */
function viaService(service: string): string {
  return `${service}.${Aws.REGION}.${Aws.URL_SUFFIX}`;
}

function validateKeySerials(serials: readonly number[]): void {
  if (serials.length < 1 || serials.length > 2) {
    throw new RangeError(`keySerials must name one or two access keys (IAM allows two per user), got [${serials.join(', ')}]`);
  }
  if (serials.some((serial) => !Number.isInteger(serial) || serial < 1)) {
    throw new RangeError(`keySerials must be positive whole numbers, got [${serials.join(', ')}]`);
  }
  if (serials.length === 2 && serials[0]! >= serials[1]!) {
    throw new RangeError(`keySerials must be in increasing order, the new key last, got [${serials.join(', ')}]`);
  }
}
