import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { PipelineSchedules } from '../../infra/constructs/pipeline-schedules.ts';
import { describe, expect, it } from 'vitest';
import { FUNCTION_SIZING, PIPELINE_FUNCTION_NAMES } from '../../infra/lambda/function-sizing.ts';
import { stateMachineDefinition, type AslState } from './support/state-machine-definition.ts';
import { newTestApp, resourcesOf, synthIpstats } from './support/synth-ipstats.ts';
import { DATASET_NAMES } from '../../etl/schemas/dataset-spec.ts';

describe('PipelineStack', () => {
  const { stacks, templates } = synthIpstats({}, undefined, true);
  const template = templates.pipeline;
  const stack = stacks.pipeline;
  const fnProps = (name: (typeof PIPELINE_FUNCTION_NAMES)[number]) => {
    const id = stack.getLogicalId(stack.functions[name].function.node.defaultChild as never);
    return resourcesOf(template, 'AWS::Lambda::Function')[id]!.Properties;
  };

  it('runs every function on Node.js 24, JSON logs, X-Ray (outside aws-cn), its sized memory and timeout, the reference and sql folders', () => {
    for (const name of PIPELINE_FUNCTION_NAMES) {
      const props = fnProps(name);
      const sizing = FUNCTION_SIZING[name];
      expect(props.Runtime).toBe('nodejs24.x');
      expect(props.Handler).toBe('index.handler');
      expect(props.MemorySize).toBe(sizing.memorySize);
      expect(props.Timeout).toBe(sizing.timeout.toSeconds());
      expect(props.EphemeralStorage).toEqual({ Size: sizing.ephemeralStorageMiB });
      expect(props.TracingConfig).toEqual({ 'Fn::If': ['InChinaPartition', { Ref: 'AWS::NoValue' }, { Mode: 'Active' }] });
      expect(props.LoggingConfig).toEqual(expect.objectContaining({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO' }));
      const variables = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.IPSTATS_REFERENCE_DIR).toBe('/var/task/reference');
      expect(variables.IPSTATS_SQL_DIR).toBe('/var/task/sql');
      expect(variables.POWERTOOLS_LOG_LEVEL).toBe('INFO');
    }
  });

  it('gives split-source a /tmp that holds any source the large-source path takes: above the threshold, and as large as merge-ranges\' (both download the whole source)', () => {
    const tmpBytes = (name: 'split-source' | 'merge-ranges') => (fnProps(name).EphemeralStorage as { Size: number }).Size * 1024 ** 2;
    const threshold = Number((fnProps('ingest').Environment as { Variables: Record<string, string> }).Variables.IPSTATS_LARGE_SOURCE_BYTES);
    expect(threshold).toBe(512 * 1024 ** 2);
    expect((fnProps('split-source').Environment as { Variables: Record<string, string> }).Variables.IPSTATS_RANGE_BYTES).toBe(String(128 * 1024 ** 2));
    expect(tmpBytes('split-source')).toBeGreaterThan(threshold);
    expect(tmpBytes('split-source')).toBeGreaterThanOrEqual(tmpBytes('merge-ranges'));
  });

  it('runs every function on arm64: the DuckDB ones (they ship the arm64 binding) and CDK’s bucket-notifications handler too', () => {
    expect(PIPELINE_FUNCTION_NAMES.map((name) => [name, fnProps(name).Architectures])).toEqual(PIPELINE_FUNCTION_NAMES.map((name) => [name, ['arm64']]));
    const everyFunction = Object.values(templates).flatMap((stackTemplate) => Object.entries(resourcesOf(stackTemplate, 'AWS::Lambda::Function')));
    expect(everyFunction.length).toBe(PIPELINE_FUNCTION_NAMES.length + 1);
    for (const [id, resource] of everyFunction) expect([id, resource.Properties.Architectures]).toEqual([id, ['arm64']]);
  });

  it('gives each function its own role and its own KMS-encrypted dead-letter queue', () => {
    const roles = PIPELINE_FUNCTION_NAMES.map((name) => JSON.stringify(fnProps(name).Role));
    expect(new Set(roles).size).toBe(6);
    const queues = PIPELINE_FUNCTION_NAMES.map((name) => JSON.stringify(fnProps(name).DeadLetterConfig));
    expect(new Set(queues).size).toBe(6);
    template.resourcePropertiesCountIs('AWS::SQS::Queue', { KmsMasterKeyId: Match.anyValue(), MessageRetentionPeriod: 1_209_600 }, 6);
  });

  it('sets the variables etl/aws/runtime-env.ts validates (lake, Athena, city configuration, reports, work prefix)', () => {
    const lakeName = { 'Fn::Join': ['', ['ipstats-lake-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]] };
    for (const name of PIPELINE_FUNCTION_NAMES) {
      const variables = (fnProps(name).Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables).toEqual(
        expect.objectContaining({
          IPSTATS_LAKE_BUCKET: lakeName,
          IPSTATS_REPORTS_BUCKET: { 'Fn::Join': ['', ['ipstats-reports-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]] },
          IPSTATS_ATHENA_WORKGROUP: 'ipstats',
          IPSTATS_ATHENA_DATABASE: 'ipstats',
          IPSTATS_CITY_CONFIG_KEY: 'config/cities.json',
          IPSTATS_WORK_PREFIX: 'work/',
        }),
      );
    }
  });

  it('hands the ingest function the large-source state machine and threshold', () => {
    const variables = (fnProps('ingest').Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.IPSTATS_LARGE_SOURCE_BYTES).toBe(String(512 * 1024 * 1024));
    expect(variables.IPSTATS_LARGE_SOURCE_STATE_MACHINE_ARN).toEqual({ Ref: expect.stringMatching(/^LargeSourceIngestionStateMachine/) });
  });

  it('triggers ingest on objects created under inbox/ only', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'inbox/' }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [stack.getLogicalId(stack.functions.ingest.function.node.defaultChild as never), 'Arn'] },
          },
        ],
      },
    });
  });

  it('logs ALL with execution data and traces every state machine', () => {
    const machines = Object.values(resourcesOf(template, 'AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(3);
    for (const machine of machines) {
      expect(machine.Properties.TracingConfiguration).toEqual({ Enabled: true });
      expect(machine.Properties.LoggingConfiguration).toEqual(expect.objectContaining({ Level: 'ALL', IncludeExecutionData: true }));
    }
  });

  it('ingests a large file by split-source → Distributed Map of ingest-range → merge-ranges', () => {
    const asl = stateMachineDefinition(template, 'LargeSourceIngestionStateMachine');
    expect(asl.StartAt).toBe('SplitSource');
    expect(asl.States.SplitSource!.Next).toBe('IngestRanges');
    const map = asl.States.IngestRanges!;
    expect(map.ItemsPath).toBe('$.plan.ranges');
    expect((map.ItemProcessor as { ProcessorConfig: unknown }).ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    // Absent means the service default, 0: one failed range fails the file.
    expect(map.ToleratedFailurePercentage).toBeUndefined();
    expect(map.Next).toBe('MergeRanges');
    expect(asl.States.MergeRanges!.Parameters).toEqual({ 'dataset.$': '$.dataset', 'key.$': '$.key', 'plan.$': '$.plan', 'ranges.$': '$.ranges' });
  });

  it('lists inbox/ with a Distributed Map, routes by size and fails a file above the reject-rate threshold', () => {
    const asl = stateMachineDefinition(template, 'PendingSourcesIngestionStateMachine');
    expect(asl.States.ApplyDefaults!.Parameters).toEqual({ 'run.$': "States.JsonMerge(States.StringToJson('\\{\"rejectRateThreshold\":0.05\\}'), $, false)" });
    const map = asl.States.EachPendingFile!;
    expect(map.ItemReader).toEqual({ Resource: 'arn:<AWS::Partition>:states:::s3:listObjectsV2', Parameters: { Bucket: expect.any(String), Prefix: 'inbox/' } });
    const inner = (map.ItemProcessor as { States: Record<string, AslState> }).States;
    expect(inner.SkipFolderMarkers!.Choices).toEqual([
      { Variable: '$.key', StringMatches: '*/', Next: 'NotASourceFile' },
      { Not: { Variable: '$.key', StringMatches: 'inbox/*/*' }, Next: 'NotASourceFile' },
    ]);
    expect(inner.SkipFolderMarkers!.Default).toBe('SkipStrayObjects');
    // What the S3-triggered ingest leaves in the inbox is left there by the run too (not sent to ingest).
    const [stray] = inner.SkipStrayObjects!.Choices as [{ Or: [{ Not: { Or: { StringMatches: string }[] } }, { StringMatches: string }, { Not: { Or: { StringMatches: string }[] } }]; Next: string }];
    expect(stray.Next).toBe('LeftInTheInbox');
    expect(stray.Or[0].Not.Or.map((rule) => rule.StringMatches)).toEqual(DATASET_NAMES.map((name) => `inbox/${name}/*`));
    expect(stray.Or[1].StringMatches).toBe('inbox/*/*/*');
    const extensions = stray.Or[2].Not.Or.map((rule) => rule.StringMatches);
    expect(extensions).toHaveLength(3 * 8);
    expect(extensions).toEqual(expect.arrayContaining(['*.csv', '*.CSV', '*.Tsv', '*.txT']));
    expect(inner.SkipStrayObjects!.Default).toBe('DatasetFromKey');
    expect(inner.LeftInTheInbox).toMatchObject({ Type: 'Pass', End: true, Parameters: { 'key.$': '$.key', leftInTheInbox: expect.stringMatching(/^not a source file in a dataset folder, left where it is/) } });
    expect(inner.BySize!.Choices).toEqual([{ Variable: '$.size', NumericGreaterThanEquals: 512 * 1024 * 1024, Next: 'IngestLargeFile' }]);
    expect(inner.BySize!.Default).toBe('IngestFile');
    expect(inner.IngestFile!.Parameters).toEqual({ 'dataset.$': '$.dataset', 'key.$': '$.key' });
    expect(inner.IngestFile!.ResultPath).toBe('$.result');
    expect(inner.RejectRateGate!.Choices).toEqual([
      { Not: { Variable: '$.result.rejectRate', IsPresent: true }, Next: 'SummaryWithoutRejectRate' },
      { Variable: '$.result.status', StringEquals: 'file_rejected', Next: 'FileRejected' },
      { Variable: '$.result.rejectRate', NumericGreaterThanPath: '$.threshold', Next: 'TooManyRejects' },
    ]);
    expect(inner.WithinRejectThreshold!.OutputPath).toBe('$.result');
    expect(inner.TooManyRejects).toEqual(expect.objectContaining({ Type: 'Fail', Error: 'RejectRateAboveThreshold' }));
    expect(inner.IngestLargeFile!.Resource).toBe('arn:<AWS::Partition>:states:::states:startExecution.sync:2');
    // One file at a time, in key order: ingestion numbers each dataset's files in turn.
    expect(map.MaxConcurrency).toBe(1);
  });

  it('serialises the functions that number ingestions (ingest, merge-ranges), and only those', () => {
    expect(fnProps('ingest').ReservedConcurrentExecutions).toBe(1);
    expect(fnProps('merge-ranges').ReservedConcurrentExecutions).toBe(1);
    for (const name of ['split-source', 'ingest-range', 'refresh-views', 'report'] as const) {
      expect(fnProps(name).ReservedConcurrentExecutions, name).toBeUndefined();
    }
  });

  it('runs the month: ingest → refresh views → assemble per city → rank, publish per city → index → notify, catching any failure to the alarm topic', () => {
    const asl = stateMachineDefinition(template, 'MonthlyRunStateMachine');
    const defaults = (asl.States.ApplyDefaults!.Parameters as Record<string, string>)['run.$'];
    expect(defaults).toBe("States.JsonMerge(States.StringToJson('\\{\"period\":null,\"cities\":[\"310000\",\"440300\"],\"rejectRateThreshold\":0.05\\}'), $, false)");
    const run = asl.States.Run! as unknown as { Branches: { StartAt: string; States: Record<string, AslState> }[]; Catch: unknown[] };
    const branch = run.Branches[0]!;
    const order: string[] = [];
    for (let state: string | undefined = branch.StartAt; state !== undefined; state = branch.States[state]!.Next as string | undefined) order.push(state);
    expect(order).toEqual(['IngestPendingSources', 'PublishCityConfig', 'RefreshViews', 'AssembleEachCity', 'ReportEachCity', 'WriteIndex', 'NotifyRunFinished']);
    expect(branch.States.PublishCityConfig!.Parameters).toEqual({ publish: 'city_config' });
    expect(branch.States.AssembleEachCity!.ItemsPath).toBe('$.cities');
    expect(branch.States.AssembleEachCity!.ItemSelector).toEqual({ phase: 'assemble', 'cityCode.$': '$$.Map.Item.Value', 'period.$': '$.period', 'runId.$': '$$.Execution.Name' });
    expect(branch.States.AssembleEachCity!.ResultPath).toBe('$.assembled');
    // Every city's headline figures go to every city's second pass, and to the index step.
    expect(branch.States.ReportEachCity!.ItemsPath).toBe('$.assembled');
    expect(branch.States.ReportEachCity!.ItemSelector).toEqual({ phase: 'publish', 'cityCode.$': '$$.Map.Item.Value.city', 'peers.$': '$.assembled' });
    expect(branch.States.WriteIndex!.Parameters).toEqual({ phase: 'index', 'peers.$': '$.assembled' });
    expect(run.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'PublishFailure' }]);
    expect(asl.States.PublishFailure!.Next).toBe('RunFailed');
    expect(asl.States.RunFailed!.Type).toBe('Fail');
  });

  it('retries throttling with exponential backoff and full jitter on every task', () => {
    const asl = stateMachineDefinition(template, 'MonthlyRunStateMachine');
    const branch = (asl.States.Run as unknown as { Branches: { States: Record<string, AslState> }[] }).Branches[0]!;
    for (const name of ['IngestPendingSources', 'PublishCityConfig', 'RefreshViews', 'NotifyRunFinished']) {
      expect(branch.States[name]!.Retry).toContainEqual({
        ErrorEquals: ['Lambda.TooManyRequestsException', 'TooManyRequestsException', 'ThrottlingException', 'StepFunctions.ExecutionLimitExceededException', 'StepFunctions.TooManyRequestsException'],
        IntervalSeconds: 5,
        MaxAttempts: 6,
        BackoffRate: 2,
        MaxDelaySeconds: 120,
        JitterStrategy: 'FULL',
      });
    }
  });

  it('schedules daily ingestion and the monthly run in Asia/Shanghai', () => {
    const schedules = Object.values(resourcesOf(template, 'AWS::Scheduler::Schedule')).map((s) => [s.Properties.ScheduleExpression, s.Properties.ScheduleExpressionTimezone]);
    expect(schedules).toEqual([
      ['cron(0 2 * * ? *)', 'Asia/Shanghai'],
      ['cron(0 6 5 * ? *)', 'Asia/Shanghai'],
    ]);
  });

  it('takes the monthly day as a prop and refuses a day that some months lack', () => {
    const scheduleStack = new Stack(newTestApp(), 'Schedules');
    const machine = (id: string) => sfn.StateMachine.fromStateMachineName(scheduleStack, id, id);
    new PipelineSchedules(scheduleStack, 'Custom', { dailyIngestion: machine('Daily'), monthlyRun: machine('Monthly'), monthlyRunDayOfMonth: 12, monthlyRunHour: 9 });
    Template.fromStack(scheduleStack).hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 9 12 * ? *)', ScheduleExpressionTimezone: 'Asia/Shanghai' });
    expect(() => new PipelineSchedules(scheduleStack, 'Bad', { dailyIngestion: machine('D2'), monthlyRun: machine('M2'), monthlyRunDayOfMonth: 31 })).toThrow(
      'monthlyRunDayOfMonth must be a whole number from 1 to 28, got 31',
    );
  });

  it('alarms to the alarm topic on any unsuccessful execution and on any dead letter', () => {
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(9);
    const alarmTopic = JSON.stringify(stack.resolve(stacks.delivery.alarmTopic.topicArn));
    for (const alarm of alarms) {
      expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain(alarmTopic.slice(1, 40));
      expect(alarm.Properties.Threshold).toBe(1);
      expect(alarm.Properties.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
    }
    const dlqAlarms = alarms.filter((alarm) => alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(dlqAlarms).toHaveLength(6);
    const failureAlarms = alarms.filter((alarm) => alarm.Properties.Metrics !== undefined);
    expect(failureAlarms.map((alarm) => (alarm.Properties.Metrics as { Expression?: string }[])[0]!.Expression)).toEqual([
      'failed + timedOut + aborted',
      'failed + timedOut + aborted',
      'failed + timedOut + aborted',
    ]);
  });
});
