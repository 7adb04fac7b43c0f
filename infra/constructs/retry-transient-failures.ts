/**
 * The Retry of a task that may run again with the same input (docs/aws.md "Retry policy"): a
 * handler error that is transient (an S3 500 or a network reset after the SDK's own retries, an
 * Athena query that failed on the service's side) is retried twice, with backoff and jitter,
 * before the execution's Catch or failure; only for tasks that are idempotent (ingestion: the
 * same keys on a retry and nothing counted before the manifest is written; reports: published
 * all at once or not at all).
 *
 * A failure of the sandbox itself is not retried: Step Functions names a timeout, running out
 * of memory or a crashed runtime `Lambda.Unknown` (newer runtimes: `Sandbox.Timedout`), and the
 * same input would meet the same limit again, after up to 15 minutes a try. Retriers are
 * matched in order, so the sandbox retrier (MaxAttempts 0: fail at once) comes before the
 * `States.TaskFailed` one, which matches every other task failure. Lambda service errors and
 * throttling keep their own, earlier retriers (LambdaInvoke's default, and retryOnThrottling,
 * which this adds first so no call site can put it after the catch-all).
 */
import { Duration } from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { retryOnThrottling } from './state-machine-observability.ts';

/** How Step Functions names a Lambda sandbox that timed out, ran out of memory or crashed. */
const SANDBOX_FAILURE_ERRORS = ['Lambda.Unknown', 'Sandbox.Timedout'] as const;

/** Retries after a handler error: 10 s, then 30 s (each with full jitter). */
const HANDLER_ERROR_RETRY = { intervalSeconds: 10, backoffRate: 3, maxAttempts: 2, maxDelaySeconds: 60 } as const;

export function retryTransientFailures<T extends sfn.TaskStateBase>(task: T): T {
  retryOnThrottling(task);
  task.addRetry({ errors: [...SANDBOX_FAILURE_ERRORS], maxAttempts: 0 });
  task.addRetry({
    errors: [sfn.Errors.TASKS_FAILED],
    interval: Duration.seconds(HANDLER_ERROR_RETRY.intervalSeconds),
    backoffRate: HANDLER_ERROR_RETRY.backoffRate,
    maxAttempts: HANDLER_ERROR_RETRY.maxAttempts,
    maxDelay: Duration.seconds(HANDLER_ERROR_RETRY.maxDelaySeconds),
    jitterStrategy: sfn.JitterType.FULL,
  });
  return task;
}
