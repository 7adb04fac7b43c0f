/**
 * CloudWatch alarms to the alarm topic: any failed, timed-out or aborted execution of a state
 * machine, and any message in a dead-letter queue (an asynchronous invocation that failed
 * all its retries, e.g. an S3-triggered ingestion).
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface PipelineAlarmsProps {
  readonly alarmTopic: sns.ITopic;
  /** State machines by a readable name. */
  readonly stateMachines: Readonly<Record<string, sfn.IStateMachine>>;
  /** Dead-letter queues by a readable name. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
}

export class PipelineAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: PipelineAlarmsProps) {
    super(scope, id);
    const notify = new actions.SnsAction(props.alarmTopic);
    const period = Duration.minutes(5);
    for (const [name, stateMachine] of Object.entries(props.stateMachines)) {
      const failures = new cloudwatch.MathExpression({
        expression: 'failed + timedOut + aborted',
        usingMetrics: {
          failed: stateMachine.metricFailed({ period, statistic: 'Sum' }),
          timedOut: stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
          aborted: stateMachine.metricAborted({ period, statistic: 'Sum' }),
        },
        period,
        label: `${name} executions that did not succeed`,
      });
      this.add(name, 'Failures', `ipstats: an execution of ${name} failed, timed out or was aborted`, failures, notify);
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      const depth = queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' });
      this.add(name, 'DeadLetters', `ipstats: ${name} has failed asynchronous invocations in its dead-letter queue`, depth, notify);
    }
  }

  private add(name: string, kind: string, description: string, metric: cloudwatch.IMetric, notify: actions.SnsAction): void {
    const alarm = new cloudwatch.Alarm(this, `${name}${kind}`, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(notify);
    this.alarms.push(alarm);
  }
}
