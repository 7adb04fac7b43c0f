/**
 * The stateless pipeline: the Lambda functions, the S3 trigger on `inbox/`, the state machines
 * (pending sources, large source by byte ranges, monthly run), the schedules and the alarms.
 * Each function gets exactly the S3 prefixes, Athena and SNS rights its handler uses.
 */
import path from 'node:path';
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { STAGING_PREFIX } from '../../etl/reports/delivery/staged-publication.ts';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { grantAthenaQueries } from '../constructs/athena-query-access.ts';
import { grantBucketPrefixes } from '../iam/grant-bucket-prefixes.ts';
import { acknowledge } from '../nag/acknowledge.ts';
import { LargeSourceIngestion } from '../constructs/large-source-ingestion.ts';
import { MonthlyRun } from '../constructs/monthly-run.ts';
import { INBOX_PREFIX, PendingSourcesIngestion } from '../constructs/pending-sources-ingestion.ts';
import { PipelineAlarms } from '../constructs/pipeline-alarms.ts';
import { PipelineFunction } from '../constructs/pipeline-function.ts';
import { PipelineSchedules } from '../constructs/pipeline-schedules.ts';
import { FUNCTION_SIZING, PIPELINE_FUNCTION_NAMES, type PipelineFunctionName } from '../lambda/function-sizing.ts';
import type { BucketNames } from '../storage/bucket-names.ts';
import { LAKE_WORK_PREFIX } from './storage-stack.ts';

/** Lake prefixes an ingestion writes (docs/lake.md). */
const INGESTION_OUTPUT_PREFIXES = ['raw/', 'curated/', 'rejects/', 'manifests/', 'ingest-seq/'] as const;

/** Where reports are written in the reports bucket (lakeKeys.report). */
const REPORTS_PREFIX = 'reports/';
/** Where the month's index files are written (index-page-key.ts). */
const INDEX_PREFIX = 'index/';
/** Where a set of reports is staged before it replaces the published files. */
const REPORTS_STAGING_PREFIX = STAGING_PREFIX;

export interface PipelineStackProps extends StackProps {
  /** Names of the storage stack's buckets (bucket-names.ts). */
  readonly bucketNames: BucketNames;
  readonly lakeKey: kms.IKey;
  readonly messagingKey: kms.IKey;
  readonly databaseName: string;
  readonly workgroupName: string;
  readonly alarmTopic: sns.ITopic;
  readonly runTopic: sns.ITopic;
  /** Report topic of each city (city code → topic). */
  readonly cityTopics: ReadonlyMap<string, sns.ITopic>;
  /** Key of cities.json in the lake bucket. @default 'config/cities.json' */
  readonly cityConfigKey?: string;
  /** @default 0.05 */
  readonly rejectRateThreshold?: number;
  /** @default 512 MiB */
  readonly largeSourceBytes?: number;
  /** Target size of one byte range of a large source. @default 128 MiB */
  readonly rangeBytes?: number;
  /** @default 5 */
  readonly monthlyRunDayOfMonth?: number;
  /** @default 6 */
  readonly monthlyRunHour?: number;
  /** @default 2 */
  readonly dailyIngestionHour?: number;
  /** Handler files by function. @default `functions/<name>/handler.ts` */
  readonly functionEntries?: Partial<Record<PipelineFunctionName, string>>;
  /** Folder with package-lock.json, node_modules, sql/ and etl/reference/. @default the current working directory */
  readonly projectRoot?: string;
  /**
   * Ship DuckDB's binding and the worker-thread bundles with the functions that need them.
   * Only tests that read templates with stub handlers turn it off, to skip copying ~70 MB per
   * function. @default true
   */
  readonly shipNativeModules?: boolean;
}

/** The functions that write manifests (and so number ingestions): serialised. */
const SERIAL_FUNCTIONS: readonly PipelineFunctionName[] = ['ingest', 'merge-ranges'];

export class PipelineStack extends Stack {
  readonly functions: Readonly<Record<PipelineFunctionName, PipelineFunction>>;
  readonly pendingSourcesIngestion: PendingSourcesIngestion;
  readonly largeSourceIngestion: LargeSourceIngestion;
  readonly monthlyRun: MonthlyRun;
  private readonly buckets: { readonly lake: s3.IBucket; readonly reports: s3.IBucket; readonly athenaResults: s3.IBucket };

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    this.buckets = {
      lake: s3.Bucket.fromBucketName(this, 'LakeBucket', props.bucketNames.lake),
      reports: s3.Bucket.fromBucketName(this, 'ReportsBucket', props.bucketNames.reports),
      athenaResults: s3.Bucket.fromBucketName(this, 'AthenaResultsBucket', props.bucketNames['athena-results']),
    };
    const projectRoot = path.resolve(props.projectRoot ?? process.cwd());
    const cityConfigKey = props.cityConfigKey ?? 'config/cities.json';
    const rejectRateThreshold = props.rejectRateThreshold ?? 0.05;
    const largeSourceBytes = props.largeSourceBytes ?? 512 * 1024 * 1024;
    const rangeBytes = props.rangeBytes ?? 128 * 1024 * 1024;
    // Variable names as etl/aws/runtime-env.ts validates them at cold start.
    const commonEnvironment = {
      IPSTATS_LAKE_BUCKET: this.buckets.lake.bucketName,
      IPSTATS_REPORTS_BUCKET: this.buckets.reports.bucketName,
      IPSTATS_ATHENA_WORKGROUP: props.workgroupName,
      IPSTATS_ATHENA_DATABASE: props.databaseName,
      IPSTATS_CITY_CONFIG_KEY: cityConfigKey,
      IPSTATS_WORK_PREFIX: LAKE_WORK_PREFIX,
    };
    const make = (name: PipelineFunctionName, environment: Record<string, string> = {}) =>
      new PipelineFunction(this, pascalCase(name), {
        ...FUNCTION_SIZING[name],
        // Ingestion numbers each dataset's files in turn (_ingest_seq decides which correction
        // wins), so the functions that publish ingestions run one invocation at a time: S3
        // events and the pending-sources run queue up instead of racing.
        ...(SERIAL_FUNCTIONS.includes(name) ? { reservedConcurrentExecutions: 1 } : {}),
        ...(props.shipNativeModules === false ? { nativeDuckDb: false, workerEntries: {} } : {}),
        entry: props.functionEntries?.[name] ?? `functions/${name}/handler.ts`,
        projectRoot,
        encryptionKey: props.messagingKey,
        environment: { ...commonEnvironment, ...environment },
      });
    const cityTopicArns = Object.fromEntries([...props.cityTopics].map(([code, topic]) => [code, topic.topicArn]));
    const functions = {
      'split-source': make('split-source', { IPSTATS_RANGE_BYTES: String(rangeBytes) }),
      'ingest-range': make('ingest-range'),
      'merge-ranges': make('merge-ranges'),
      'refresh-views': make('refresh-views'),
      report: make('report', { IPSTATS_CITY_TOPIC_ARNS: JSON.stringify(cityTopicArns) }),
    };
    this.largeSourceIngestion = new LargeSourceIngestion(this, 'LargeSourceIngestion', {
      splitSource: functions['split-source'].function,
      ingestRange: functions['ingest-range'].function,
      mergeRanges: functions['merge-ranges'].function,
    });
    const ingest = make('ingest', {
      IPSTATS_LARGE_SOURCE_BYTES: String(largeSourceBytes),
      IPSTATS_LARGE_SOURCE_STATE_MACHINE_ARN: this.largeSourceIngestion.stateMachine.stateMachineArn,
    });
    this.functions = { ingest, ...functions };
    if (Object.keys(this.functions).sort().join() !== [...PIPELINE_FUNCTION_NAMES].sort().join()) {
      throw new Error(`PipelineStack builds ${Object.keys(this.functions).join(', ')} but function-sizing lists ${PIPELINE_FUNCTION_NAMES.join(', ')}`);
    }
    this.grantFunctionAccess(props, cityConfigKey);

    // Imported, so that the notification configuration (a custom resource) lives in this stack
    // and the storage stack never depends on the pipeline stack.
    this.buckets.lake.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(ingest.function), { prefix: INBOX_PREFIX });
    acknowledgeNotificationsHandler(this);

    this.pendingSourcesIngestion = new PendingSourcesIngestion(this, 'PendingSourcesIngestion', {
      lakeBucket: this.buckets.lake,
      ingest: ingest.function,
      largeSourceIngestion: this.largeSourceIngestion.stateMachine,
      largeSourceBytes,
      rejectRateThreshold,
    });
    this.monthlyRun = new MonthlyRun(this, 'MonthlyRun', {
      pendingSourcesIngestion: this.pendingSourcesIngestion.stateMachine,
      ingest: ingest.function,
      refreshViews: functions['refresh-views'].function,
      report: functions.report.function,
      runTopic: props.runTopic,
      alarmTopic: props.alarmTopic,
      cities: [...props.cityTopics.keys()],
      rejectRateThreshold,
    });
    new PipelineSchedules(this, 'Schedules', {
      dailyIngestion: this.pendingSourcesIngestion.stateMachine,
      monthlyRun: this.monthlyRun.stateMachine,
      dailyIngestionHour: props.dailyIngestionHour ?? 2,
      monthlyRunDayOfMonth: props.monthlyRunDayOfMonth ?? 5,
      monthlyRunHour: props.monthlyRunHour ?? 6,
    });
    new PipelineAlarms(this, 'Alarms', {
      alarmTopic: props.alarmTopic,
      stateMachines: {
        MonthlyRun: this.monthlyRun.stateMachine,
        PendingSourcesIngestion: this.pendingSourcesIngestion.stateMachine,
        LargeSourceIngestion: this.largeSourceIngestion.stateMachine,
      },
      deadLetterQueues: Object.fromEntries(Object.entries(this.functions).map(([name, fn]) => [pascalCase(name), fn.deadLetterQueue])),
    });
  }

  private grantFunctionAccess(props: PipelineStackProps, cityConfigKey: string): void {
    const { ingest, 'split-source': split, 'ingest-range': ingestRange, 'merge-ranges': merge, 'refresh-views': refreshViews, report } = this.functions;
    const lake = { bucket: this.buckets.lake, key: props.lakeKey };
    const lakeOutputs = [...INGESTION_OUTPUT_PREFIXES];
    // The city configuration too: ingest publishes it to the city_config table on request.
    grantBucketPrefixes(ingest.role, { ...lake, read: [INBOX_PREFIX, ...lakeOutputs], readKeys: [cityConfigKey], write: lakeOutputs }, 'ingest');
    // split-source reads the manifests to skip a file already ingested, and the numbers taken to show the next in its plan.
    grantBucketPrefixes(split.role, { ...lake, read: [INBOX_PREFIX, 'manifests/', 'ingest-seq/'] }, 'split-source');
    grantBucketPrefixes(ingestRange.role, { ...lake, read: [INBOX_PREFIX], write: [LAKE_WORK_PREFIX] }, 'ingest-range');
    grantBucketPrefixes(
      merge.role,
      { ...lake, read: [INBOX_PREFIX, LAKE_WORK_PREFIX, ...lakeOutputs], write: lakeOutputs, delete: [LAKE_WORK_PREFIX] },
      'merge-ranges',
    );
    this.largeSourceIngestion.stateMachine.grantStartExecution(ingest.role);

    const athena = {
      workgroupName: props.workgroupName,
      databaseName: props.databaseName,
      lakeBucket: this.buckets.lake,
      resultsBucket: this.buckets.athenaResults,
      key: props.lakeKey,
    };
    grantAthenaQueries(refreshViews.role, athena, { createViews: true, readsLake: false });
    grantAthenaQueries(report.role, athena, { createViews: false, readsLake: true });
    // The data-quality section reads the manifests; the city configuration names the cities.
    grantBucketPrefixes(report.role, { ...lake, read: ['manifests/'], readKeys: [cityConfigKey] }, 'report reads manifests and the city configuration');
    // Writes the reports and reads them back to presign the links it sends. It stages each city's
    // files first and deletes the staging copies (etl/reports/delivery/staged-publication.ts); a
    // published report itself can never be deleted. It also writes the month's index (all cities)
    // under index/, beside reports/ and outside every city's prefix, and reads it to link the
    // neighbouring months (etl/aws/period-index.ts).
    grantBucketPrefixes(
      report.role,
      { bucket: this.buckets.reports, key: props.lakeKey, read: [REPORTS_PREFIX, INDEX_PREFIX], write: [REPORTS_PREFIX, INDEX_PREFIX], delete: [REPORTS_STAGING_PREFIX] },
      'report',
    );
    const topicArns = [...props.cityTopics.values()].map((topic) => topic.topicArn);
    if (topicArns.length > 0) {
      report.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: topicArns }));
      report.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.messagingKey.keyArn] }));
    }
  }
}

/** aws-cdk-lib's singleton that writes the bucket notification configuration at deploy time. */
function acknowledgeNotificationsHandler(stack: Stack): void {
  const handler = stack.node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
  if (handler === undefined) throw new Error(`no BucketNotificationsHandler in ${stack.node.path}: aws-cdk-lib changed how it configures S3 notifications`);
  acknowledge(
    handler,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'aws-cdk-lib\'s own deploy-time handler for S3 notifications: the managed policy only lets it write its CloudWatch logs; it runs at deploy, never on data',
  );
}

function pascalCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
