/**
 * What every ipstats state machine has: execution logs at level ALL (with execution data,
 * which holds keys and counts, never row contents) in its own log group, X-Ray tracing, and
 * retries with exponential backoff and jitter on throttling.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';

/** Errors that mean "slow down", as Lambda, Step Functions and the SDK inside our handlers name them. */
export const THROTTLING_ERRORS = [
  'Lambda.TooManyRequestsException',
  'TooManyRequestsException',
  'ThrottlingException',
  'StepFunctions.ExecutionLimitExceededException',
  'StepFunctions.TooManyRequestsException',
] as const;

export function retryOnThrottling<T extends sfn.TaskStateBase>(task: T): T {
  task.addRetry({
    errors: [...THROTTLING_ERRORS],
    interval: Duration.seconds(5),
    backoffRate: 2,
    maxAttempts: 6,
    maxDelay: Duration.minutes(2),
    jitterStrategy: sfn.JitterType.FULL,
  });
  return task;
}

export function observableStateMachineProps(scope: Construct, id: string): Pick<sfn.StateMachineProps, 'logs' | 'tracingEnabled'> {
  const destination = new logs.LogGroup(scope, `${id}Logs`, {
    retention: logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  return { logs: { destination, level: sfn.LogLevel.ALL, includeExecutionData: true }, tracingEnabled: true };
}
