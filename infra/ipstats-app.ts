/**
 * Builds every ipstats stack into an app from the deployable settings: storage (stateful),
 * catalog, delivery, pipeline. app.ts and the tests share it, so the tests synthesise exactly
 * what `cdk synth` does.
 */
import { Aspects, type App, type Environment } from 'aws-cdk-lib';
import { GravitonFunctions } from './lambda/graviton-functions.ts';
import { CatalogStack } from './stacks/catalog-stack.ts';
import { DeliveryStack } from './stacks/delivery-stack.ts';
import { PipelineStack, type PipelineStackProps } from './stacks/pipeline-stack.ts';
import { StorageStack } from './stacks/storage-stack.ts';
import { bucketNames } from './storage/bucket-names.ts';
import type { InfraSettings } from './config/infra-settings.ts';

export interface IpstatsStacks {
  readonly storage: StorageStack;
  readonly catalog: CatalogStack;
  readonly delivery: DeliveryStack;
  readonly pipeline: PipelineStack;
}

export interface BuildOptions {
  /** Account and region; leave unset for environment-agnostic templates. @default unset */
  readonly env?: Environment;
  /** Handler files by function (tests point them at stubs). @default functions/<name>/handler.ts */
  readonly functionEntries?: PipelineStackProps['functionEntries'];
  /** @default the current working directory */
  readonly projectRoot?: string;
  /** See PipelineStackProps.shipNativeModules. @default true */
  readonly shipNativeModules?: boolean;
}

export function buildIpstatsStacks(app: App, settings: InfraSettings, options: BuildOptions = {}): IpstatsStacks {
  const prefix = settings.stackPrefix;
  const env = options.env;
  const names = bucketNames(prefix.toLowerCase());
  const storage = new StorageStack(app, `${prefix}Storage`, {
    env,
    description: 'ipstats: stateful storage (KMS keys, lake, reports, Athena results, access logs)',
    bucketNames: names,
    retainOnDelete: settings.retainOnDelete,
    athenaResultsExpireDays: settings.athenaResultsExpireDays,
    noncurrentVersionsExpireDays: settings.noncurrentVersionsExpireDays,
    accessLogsExpireDays: settings.accessLogsExpireDays,
  });
  const catalog = new CatalogStack(app, `${prefix}Catalog`, {
    env,
    description: 'ipstats: Glue tables from the dataset specs (partition projection) and the Athena workgroup',
    bucketNames: names,
    lakeKey: storage.lakeKey,
    bytesScannedCutoffPerQuery: settings.athenaBytesScannedCutoffPerQuery,
  });
  const delivery = new DeliveryStack(app, `${prefix}Delivery`, {
    env,
    description: 'ipstats: report topics and per-city read roles, run and alarm topics',
    bucketNames: names,
    lakeKey: storage.lakeKey,
    messagingKey: storage.messagingKey,
    cities: settings.cities,
    cityTrustedAccounts: settings.cityTrustedAccounts,
    linkSignerKeySerials: settings.linkSignerKeySerials,
  });
  const pipeline = new PipelineStack(app, `${prefix}Pipeline`, {
    env,
    description: 'ipstats: Lambda functions, state machines, schedules and alarms',
    bucketNames: names,
    lakeKey: storage.lakeKey,
    messagingKey: storage.messagingKey,
    databaseName: catalog.databaseName,
    workgroupName: catalog.workgroupName,
    alarmTopic: delivery.alarmTopic,
    runTopic: delivery.runTopic,
    cityTopics: new Map([...delivery.cityAccess].map(([code, access]) => [code, access.topic])),
    cityConfigKey: settings.cityConfigKey,
    rejectRateThreshold: settings.rejectRateThreshold,
    largeSourceBytes: settings.largeSourceBytes,
    rangeBytes: settings.rangeBytes,
    monthlyRunDayOfMonth: settings.monthlyRunDayOfMonth,
    monthlyRunHour: settings.monthlyRunHour,
    dailyIngestionHour: settings.dailyIngestionHour,
    functionEntries: options.functionEntries,
    projectRoot: options.projectRoot,
    shipNativeModules: options.shipNativeModules,
  });
  // Buckets, database and workgroup are passed by name, so make the order explicit.
  for (const consumer of [catalog, delivery, pipeline]) consumer.addStackDependency(storage);
  pipeline.addStackDependency(catalog);
  pipeline.addStackDependency(delivery);
  // The report function signs its links with the delivery stack's long-lived key (7 days, not hours).
  delivery.linkSigner.grantSigning(pipeline.functions.report.function);
  const stacks = { storage, catalog, delivery, pipeline };
  for (const stack of Object.values(stacks)) Aspects.of(stack).add(new GravitonFunctions());
  return stacks;
}
