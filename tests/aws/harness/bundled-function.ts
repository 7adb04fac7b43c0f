/**
 * One Lambda function as the template declares it, ready to run locally: the unpacked bundle
 * from cdk.out (the asset a deployment uploads), its handler, environment (intrinsics already
 * resolved), memory, timeout, /tmp size, reserved concurrency and dead-letter queue.
 */
export interface BundledFunction {
  readonly stackName: string;
  readonly logicalId: string;
  /** The function's name as Lambda would know it. */
  readonly functionName: string;
  readonly functionArn: string;
  /** The asset folder in cdk.out: what Lambda unpacks to /var/task. */
  readonly taskRoot: string;
  /** `index.handler`: file (without .mjs) and export. */
  readonly handler: string;
  /** `nodejs24.x` … */
  readonly runtime: string;
  /** The CPU the template asks for; the harness runs every function on this machine's. */
  readonly architecture: 'arm64' | 'x86_64';
  readonly memorySizeMb: number;
  readonly timeoutSeconds: number;
  readonly ephemeralStorageMiB: number;
  /** The template's variables, resolved. */
  readonly environment: Readonly<Record<string, string>>;
  /** Application log level of the JSON log format (LoggingConfig), if set. */
  readonly applicationLogLevel?: string;
  readonly logGroupName: string;
  /** At most this many invocations at once; absent when not reserved. */
  readonly reservedConcurrentExecutions?: number;
  /** Where failed asynchronous invocations go (an SQS queue ARN), if anywhere. */
  readonly deadLetterTargetArn?: string;
}
