/**
 * The monthly run: ingest pending sources (with the reject-rate gate) → publish the city
 * configuration to the lake → refresh the views on Athena → each city's report assembled (Map) →
 * ranked among all, rendered, published and delivered (Map) → the month's index → notify. Any failure is caught once, published to the
 * alarm topic with the error and cause, and fails the execution.
 *
 * Input (every field optional): `{ "period": "2024-06", "cities": ["310000"],
 * "rejectRateThreshold": 0.05 }`. A missing period reaches the report function as null, which
 * then reports the default month (the latest month every flow source covers).
 */
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { withDefaults } from '../stepfunctions/intrinsic-literal.ts';
import { acknowledgeStateMachineWildcards } from '../nag/state-machine-wildcards.ts';
import { observableStateMachineProps, retryOnThrottling } from './state-machine-observability.ts';
import { retryTransientFailures } from './retry-transient-failures.ts';
import { requireFraction, requireIntegerInRange } from './validate-props.ts';

export interface MonthlyRunProps {
  readonly pendingSourcesIngestion: sfn.IStateMachine;
  /** Publishes the city configuration to the lake's city_config table (`{ "publish": "city_config" }`). */
  readonly ingest: lambda.IFunction;
  readonly refreshViews: lambda.IFunction;
  readonly report: lambda.IFunction;
  /** Receives the run summary when the run succeeds. */
  readonly runTopic: sns.ITopic;
  /** Receives the error when the run fails. */
  readonly alarmTopic: sns.ITopic;
  /** Cities reported when the input names none. */
  readonly cities: readonly string[];
  readonly rejectRateThreshold: number;
  /** Cities reported at once (each report runs its Athena queries in turn). @default 3 */
  readonly reportConcurrency?: number;
  /** @default 24 hours */
  readonly timeout?: Duration;
}

export class MonthlyRun extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: MonthlyRunProps) {
    super(scope, id);
    const threshold = requireFraction('rejectRateThreshold', props.rejectRateThreshold);
    const reportConcurrency = requireIntegerInRange('reportConcurrency', props.reportConcurrency ?? 3, 1, 40);
    const defaults = { period: null, cities: props.cities, rejectRateThreshold: threshold };

    const applyDefaults = new sfn.Pass(this, 'ApplyDefaults', {
      parameters: { 'run.$': withDefaults(defaults) },
      outputPath: '$.run',
    });
    const ingest = retryOnThrottling(
      new tasks.StepFunctionsStartExecution(this, 'IngestPendingSources', {
        stateMachine: props.pendingSourcesIngestion,
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        input: sfn.TaskInput.fromObject({ 'rejectRateThreshold.$': '$.rejectRateThreshold' }),
        associateWithParent: true,
        resultSelector: { 'files.$': '$.Output' },
        resultPath: '$.ingested',
      }),
    );
    const publishCities = retryTransientFailures(
      new tasks.LambdaInvoke(this, 'PublishCityConfig', {
        lambdaFunction: props.ingest,
        payload: sfn.TaskInput.fromObject({ publish: 'city_config' }),
        payloadResponseOnly: true,
        resultPath: sfn.JsonPath.DISCARD,
      }),
    );
    const refreshViews = retryTransientFailures(
      new tasks.LambdaInvoke(this, 'RefreshViews', {
        lambdaFunction: props.refreshViews,
        payload: sfn.TaskInput.fromObject({}),
        payloadResponseOnly: true,
        resultPath: '$.views',
      }),
    );
    // Ranks need every city's figures: pass 1 assembles and stages each city's report and returns its
    // headline figures (about 1 KB a city); pass 2 ranks, renders, publishes and delivers each with
    // all of them; then the month's index (docs/aws.md "Ranks").
    const assembleEachCity = new sfn.Map(this, 'AssembleEachCity', {
      itemsPath: '$.cities',
      itemSelector: { phase: 'assemble', 'cityCode.$': '$$.Map.Item.Value', 'period.$': '$.period', 'runId.$': '$$.Execution.Name' },
      maxConcurrency: reportConcurrency,
      resultPath: '$.assembled',
    });
    assembleEachCity.itemProcessor(
      retryTransientFailures(new tasks.LambdaInvoke(this, 'AssembleReport', { lambdaFunction: props.report, payloadResponseOnly: true })),
    );
    const reportEachCity = new sfn.Map(this, 'ReportEachCity', {
      itemsPath: '$.assembled',
      itemSelector: { phase: 'publish', 'cityCode.$': '$$.Map.Item.Value.city', 'peers.$': '$.assembled' },
      maxConcurrency: reportConcurrency,
      resultPath: '$.reports',
    });
    reportEachCity.itemProcessor(
      retryTransientFailures(new tasks.LambdaInvoke(this, 'Report', { lambdaFunction: props.report, payloadResponseOnly: true })),
    );
    const writeIndex = retryTransientFailures(
      new tasks.LambdaInvoke(this, 'WriteIndex', {
        lambdaFunction: props.report,
        payload: sfn.TaskInput.fromObject({ phase: 'index', 'peers.$': '$.assembled' }),
        payloadResponseOnly: true,
        resultPath: '$.index',
      }),
    );
    const notify = retryOnThrottling(
      new tasks.SnsPublish(this, 'NotifyRunFinished', {
        topic: props.runTopic,
        subject: 'ipstats monthly run finished',
        message: sfn.TaskInput.fromObject({ 'execution.$': '$$.Execution.Id', 'period.$': '$.period', 'cities.$': '$.cities', 'reports.$': '$.reports' }),
        resultPath: sfn.JsonPath.DISCARD,
      }),
    );
    const run = new sfn.Parallel(this, 'Run', { outputPath: '$[0]' });
    run.branch(ingest.next(publishCities).next(refreshViews).next(assembleEachCity).next(reportEachCity).next(writeIndex).next(notify));

    const alarm = retryOnThrottling(
      new tasks.SnsPublish(this, 'PublishFailure', {
        topic: props.alarmTopic,
        subject: 'ipstats monthly run FAILED',
        message: sfn.TaskInput.fromObject({ 'execution.$': '$$.Execution.Id', 'error.$': '$.failure.Error', 'cause.$': '$.failure.Cause' }),
        resultPath: sfn.JsonPath.DISCARD,
      }),
    );
    run.addCatch(alarm.next(new sfn.Fail(this, 'RunFailed', { errorPath: '$.failure.Error', causePath: '$.failure.Cause' })), {
      errors: [sfn.Errors.ALL],
      resultPath: '$.failure',
    });

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'ipstats: monthly run (ingest → views → quality gate → reports per city, assembled then ranked → index → notify)',
      definitionBody: sfn.DefinitionBody.fromChainable(applyDefaults.next(run).next(new sfn.Succeed(this, 'Done'))),
      timeout: props.timeout ?? Duration.hours(24),
      ...observableStateMachineProps(this, 'StateMachine'),
    });
    acknowledgeStateMachineWildcards(this.stateMachine);
  }
}
