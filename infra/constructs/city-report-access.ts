/**
 * What one city may reach: its own reports and nothing else. A role that can list and read
 * `reports/city=<code>/` in the reports bucket (and decrypt them, through S3 only), and a topic
 * on which the city is told that a report is ready. The role trusts this account (whose admins
 * decide who may assume it) or the city's own AWS account.
 */
import { Aws, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { lakeKeys } from '../../etl/lake/lake-keys.ts';
import { acknowledge, wildcardResourceFinding } from '../nag/acknowledge.ts';

export interface CityReportAccessProps {
  /** Six-digit city code (GB/T 2260). */
  readonly cityCode: string;
  readonly reportsBucket: s3.IBucket;
  readonly reportsKey: kms.IKey;
  /** Encrypts the city's topic. */
  readonly topicKey: kms.IKey;
  /** 12-digit account allowed to assume the role. @default this stack's account */
  readonly trustedAccount?: string;
}

/** `reports/city=<code>/`, from the same key layout the report writers use. */
export function cityReportsPrefix(cityCode: string): string {
  const probe = lakeKeys.report(cityCode, 'PERIOD', 'FILE');
  return probe.slice(0, probe.indexOf('period='));
}

export class CityReportAccess extends Construct {
  readonly role: iam.Role;
  readonly topic: sns.Topic;
  readonly prefix: string;

  constructor(scope: Construct, id: string, props: CityReportAccessProps) {
    super(scope, id);
    if (!/^\d{6}$/.test(props.cityCode)) throw new RangeError(`cityCode must be six digits (GB/T 2260), got "${props.cityCode}"`);
    if (props.trustedAccount !== undefined && !/^\d{12}$/.test(props.trustedAccount)) {
      throw new RangeError(`trustedAccount must be a 12-digit AWS account id, got "${props.trustedAccount}"`);
    }
    this.prefix = cityReportsPrefix(props.cityCode);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: `ipstats reports ${props.cityCode}`,
      masterKey: props.topicKey,
      enforceSSL: true,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.AccountPrincipal(props.trustedAccount ?? Stack.of(this).account),
      description: `ipstats: read-only access to ${this.prefix} for city ${props.cityCode}`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ListOwnReports',
        actions: ['s3:ListBucket'],
        resources: [props.reportsBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [this.prefix, `${this.prefix}*`] } },
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadOwnReports',
        actions: ['s3:GetObject'],
        resources: [props.reportsBucket.arnForObjects(`${this.prefix}*`)],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'DecryptThroughS3',
        actions: ['kms:Decrypt'],
        resources: [props.reportsKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.${Aws.URL_SUFFIX}` } },
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({ sid: 'SubscribeToOwnTopic', actions: ['sns:Subscribe'], resources: [this.topic.topicArn] }),
    );
    acknowledge(
      this.role,
      wildcardResourceFinding(this, props.reportsBucket.arnForObjects(`${this.prefix}*`)),
      `the wildcard is the city's scope itself: every report object of city ${props.cityCode} (${this.prefix}), and no other city's`,
    );
  }
}
