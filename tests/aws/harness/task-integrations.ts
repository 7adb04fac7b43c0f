/**
 * What a Task state's Resource does, locally: a Lambda function ARN invokes the bundled function
 * (synchronously, as Step Functions does); `states:startExecution(.sync|.sync:2)` runs the
 * nested state machine in the harness; `sns:publish` publishes on moto; `s3:listObjectsV2` is
 * the Distributed Map item reader (interpreter-adaptations.ts). Any other resource is refused
 * when the execution starts, so nothing runs half-simulated.
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { LocalLambdaService } from './local-lambda-service.ts';
import { lambdaTaskResult, TaskFailure } from './step-functions-errors.ts';

export type TaskHandler = (input: unknown) => Promise<unknown>;

/** A finished execution, as DescribeExecution reports it. */
export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: unknown;
  /** The execution whose task started this one (`states:startExecution`), if any. */
  readonly parentExecutionArn?: string;
  readonly status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  readonly startDate: Date;
  readonly stopDate: Date;
  /** The interpreter's event log: states entered, retried, failed … */
  readonly events: readonly { readonly type: string; readonly [field: string]: unknown }[];
}

export interface TaskIntegrationDeps {
  readonly lambda: LocalLambdaService;
  readonly s3: S3Client;
  readonly sns: SNSClient;
  /** Starts a state machine of the deployment. */
  startExecution(stateMachineArn: string, input: unknown, parentExecutionArn: string): ExecutionHandle;
}

export interface ExecutionHandle {
  readonly executionArn: string;
  readonly startDate: Date;
  /** Settles when the execution ends (never rejects: a failure is a FAILED record). */
  readonly finished: Promise<ExecutionRecord>;
}

const LAMBDA_FUNCTION_ARN = /^arn:[\w-]+:lambda:[\w-]+:\d{12}:function:[\w-]+$/;
const SERVICE_INTEGRATION = /^arn:[\w-]+:states:::([\w-]+):(\w+)(\.sync(?::2)?|\.waitForTaskToken)?$/;

export interface TaskContext {
  readonly stateName: string;
  readonly executionArn: string;
  /** Where an item reader leaves the items of its Map (interpreter-adaptations.ts). */
  readonly itemSlot?: { readonly holder: Record<string, unknown>; readonly slot: string };
}

export function taskHandlerFor(resource: string, task: TaskContext, deps: TaskIntegrationDeps): TaskHandler {
  if (LAMBDA_FUNCTION_ARN.test(resource)) {
    return async (input) => lambdaTaskResult(await deps.lambda.invoke(resource, input));
  }
  const integration = SERVICE_INTEGRATION.exec(resource);
  const [, service, action, pattern] = integration ?? [];
  if (service === 'lambda' && action === 'invoke' && pattern === undefined) {
    return async (input) => {
      const { FunctionName, Payload } = input as { FunctionName: string; Payload?: unknown };
      const result = lambdaTaskResult(await deps.lambda.invoke(FunctionName, Payload ?? {}));
      return { ExecutedVersion: '$LATEST', Payload: result, StatusCode: 200 };
    };
  }
  if (service === 'states' && action === 'startExecution' && pattern !== '.waitForTaskToken') {
    return async (input) => startNested(input as { StateMachineArn: string; Input?: unknown; Name?: string }, pattern, task, deps);
  }
  if (service === 'sns' && action === 'publish' && pattern === undefined) {
    return async (input) => {
      const { TopicArn, Message, Subject, MessageAttributes } = input as { TopicArn: string; Message: unknown; Subject?: string; MessageAttributes?: never };
      const message = typeof Message === 'string' ? Message : JSON.stringify(Message);
      const { MessageId } = await deps.sns.send(new PublishCommand({ TopicArn, Message: message, Subject, MessageAttributes }));
      return { MessageId, SdkHttpMetadata: { HttpStatusCode: 200 } };
    };
  }
  if (service === 's3' && action === 'listObjectsV2' && pattern === undefined && task.itemSlot !== undefined) {
    const { holder, slot } = task.itemSlot;
    return async (input) => {
      holder[slot] = await listItems(deps.s3, input as { Bucket: string; Prefix?: string });
      return null;
    };
  }
  throw new Error(`Task ${task.stateName}: the harness does not run the resource ${resource}`);
}

/** What a Distributed Map's S3 listing gives each iteration (LastModified in epoch seconds). */
async function listItems(s3: S3Client, { Bucket, Prefix }: { Bucket: string; Prefix?: string }): Promise<unknown[]> {
  const items: unknown[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
    for (const object of page.Contents ?? []) {
      items.push({
        Etag: object.ETag,
        Key: object.Key,
        LastModified: Math.floor((object.LastModified?.getTime() ?? 0) / 1000),
        Size: object.Size,
        StorageClass: object.StorageClass ?? 'STANDARD',
      });
    }
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken !== undefined);
  return items;
}

async function startNested(
  input: { StateMachineArn: string; Input?: unknown; Name?: string },
  pattern: string | undefined,
  task: TaskContext,
  deps: TaskIntegrationDeps,
): Promise<unknown> {
  const childInput = typeof input.Input === 'string' ? JSON.parse(input.Input) : (input.Input ?? {});
  const started = deps.startExecution(input.StateMachineArn, childInput, task.executionArn);
  // StartExecution alone does not wait; the harness keeps the execution and waits for it at the end of a test.
  if (pattern === undefined) return { ExecutionArn: started.executionArn, StartDate: started.startDate.toISOString() };
  const record = await started.finished;
  const description = {
    ExecutionArn: record.executionArn,
    StateMachineArn: record.stateMachineArn,
    Name: record.name,
    Status: record.status,
    StartDate: record.startDate.getTime(),
    StopDate: record.stopDate.getTime(),
    // `.sync:2` gives input and output as JSON, `.sync` as strings.
    Input: pattern === '.sync:2' ? record.input : JSON.stringify(record.input),
    InputDetails: { Included: true },
    ...(record.status === 'SUCCEEDED'
      ? { Output: pattern === '.sync:2' ? record.output : JSON.stringify(record.output), OutputDetails: { Included: true } }
      : { Error: record.error, Cause: record.cause }),
  };
  if (record.status !== 'SUCCEEDED') throw new TaskFailure('States.TaskFailed', JSON.stringify(description));
  return description;
}
