/**
 * Report delivery and operator notifications: per city, a topic and a role scoped to
 * `reports/city=<code>/` (issue 5's access rule); the IAM user whose key signs the 7-day report
 * links; a topic for finished runs and one for alarms.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { BucketNames } from '../storage/bucket-names.ts';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { CityReportAccess } from '../constructs/city-report-access.ts';
import { ReportLinkSigner } from '../constructs/report-link-signer.ts';

export interface DeliveryStackProps extends StackProps {
  /** Names of the storage stack's buckets (bucket-names.ts). */
  readonly bucketNames: BucketNames;
  readonly lakeKey: kms.IKey;
  readonly messagingKey: kms.IKey;
  /** City codes that get a topic and a reports role. @default [] */
  readonly cities?: readonly string[];
  /** Other accounts allowed to assume a city's role, by city code. @default {} */
  readonly cityTrustedAccounts?: Readonly<Record<string, string>>;
  /** Serials of the link signer's access keys, the current one last (ReportLinkSigner). @default [1] */
  readonly linkSignerKeySerials?: readonly number[];
}

export class DeliveryStack extends Stack {
  readonly alarmTopic: sns.Topic;
  readonly runTopic: sns.Topic;
  readonly cityAccess: ReadonlyMap<string, CityReportAccess>;
  /** Signs the report links; `grantSigning(reportFunction)` wires the report function to it. */
  readonly linkSigner: ReportLinkSigner;

  constructor(scope: Construct, id: string, props: DeliveryStackProps) {
    super(scope, id, props);
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', { displayName: 'ipstats alarms', masterKey: props.messagingKey, enforceSSL: true });
    this.runTopic = new sns.Topic(this, 'RunTopic', { displayName: 'ipstats monthly runs', masterKey: props.messagingKey, enforceSSL: true });
    const reportsBucket = s3.Bucket.fromBucketName(this, 'ReportsBucket', props.bucketNames.reports);
    const cities = props.cities ?? [];
    const duplicates = cities.filter((code, index) => cities.indexOf(code) !== index);
    if (duplicates.length > 0) throw new RangeError(`cities must be unique, got ${duplicates.join(', ')} more than once`);
    this.cityAccess = new Map(
      cities.map((cityCode) => [
        cityCode,
        new CityReportAccess(this, `City${cityCode}`, {
          cityCode,
          reportsBucket,
          reportsKey: props.lakeKey,
          topicKey: props.messagingKey,
          trustedAccount: props.cityTrustedAccounts?.[cityCode],
        }),
      ]),
    );
    this.linkSigner = new ReportLinkSigner(this, 'ReportLinkSigner', {
      reportsBucket,
      reportsKey: props.lakeKey,
      keySerials: props.linkSignerKeySerials,
    });
  }
}
