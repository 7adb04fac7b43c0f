/**
 * How Step Functions names the failure of a task, so the definitions' Retry and Catch match
 * locally what they match in AWS (docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html):
 * an error thrown by a Lambda handler is reported with its errorType and the error JSON as
 * cause; a sandbox that timed out, ran out of memory or crashed is `Lambda.Unknown` with the
 * cause AWS writes ("The cause could not be determined because Lambda did not return an error
 * type. Returned payload: {"errorMessage":"… Task timed out after 60.06 seconds"}", as recorded
 * from a real account in cdklabs/construct-hub#713); `States.Timeout` is only the Task's own
 * TimeoutSeconds, which the interpreter enforces; a throttled
 * call `Lambda.TooManyRequestsException`; a state's data over 256 KiB `States.DataLimitExceeded`.
 */
import type { InvokeResult } from './local-lambda-service.ts';

/** The largest input or output of a state, in UTF-8 bytes. */
export const STATE_DATA_LIMIT_BYTES = 256 * 1024;

export class TaskFailure extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

/** The task's result, or the TaskFailure Step Functions would raise. */
export function lambdaTaskResult(result: InvokeResult): unknown {
  switch (result.status) {
    case 'succeeded':
      return result.result;
    case 'throttled':
      throw new TaskFailure('Lambda.TooManyRequestsException', 'Rate Exceeded. (Service: AWSLambda; Status Code: 429; Error Code: TooManyRequestsException)');
    case 'function-error':
      throw new TaskFailure(result.error.errorType, JSON.stringify(result.error));
    case 'sandbox-failure':
      throw new TaskFailure(
        'Lambda.Unknown',
        `The cause could not be determined because Lambda did not return an error type. Returned payload: ${JSON.stringify({ errorMessage: result.error.errorMessage })}`,
      );
  }
}

export function checkStateDataSize(stateName: string, value: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
  if (bytes > STATE_DATA_LIMIT_BYTES) {
    throw new TaskFailure('States.DataLimitExceeded', `The state/task '${stateName}' returned a result with a size exceeding the maximum number of bytes service limit (${bytes} > ${STATE_DATA_LIMIT_BYTES}).`);
  }
}
