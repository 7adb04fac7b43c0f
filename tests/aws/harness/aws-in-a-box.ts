/**
 * AWS in a box: the synthesised ipstats app "deployed" locally and run for real. moto_server
 * holds S3, SNS, SQS and Secrets Manager, created from the templates; a local Step Functions
 * endpoint takes the StartExecution calls of the functions; the Lambda functions run
 * their bundles from cdk.out in sandboxed child processes with the template's environment,
 * memory and timeout; the state machines run their exact definitions; S3 notifications are
 * delivered as the template configures them. docs/aws.md ("What the local AWS harness proves")
 * says what this proves and what only a real account can.
 *
 *   const box = await startAwsInABox({ assemblyDir, scratchDir });
 *   await box.putObject(box.bucket('LakeBucket'), 'inbox/patents/p.csv', bytes);
 *   const execution = await box.stepFunctions.run('PendingSourcesIngestion', {});
 *   // With { athena: true }: the Athena stand-in on the deployed catalog, box.athena.failQueries(…).
 *   await box.stepFunctions.run('MonthlyRun', { rejectRateThreshold: 0.1 });
 *   await box.stop();
 */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { S3ObjectStore } from '../../../etl/lake/s3-object-store.ts';
import { startMotoServer, type RunningMoto } from '../../support/moto-server.ts';
import type { AthenaStandIn } from '../athena-standin/athena-standin.ts';
import { startAthenaOfDeployment } from './athena-of-deployment.ts';
import { readSynthesizedStacks, resourcesOfType } from './cloudformation-template.ts';
import { deployOnMoto } from './deploy-on-moto.ts';
import { readDeployedSchedules, type DeployedSchedule } from './deployed-schedules.ts';
import { readDeployedStateMachines } from './deployed-state-machines.ts';
import { MOTO_ACCOUNT, type LocalAccount } from './local-account.ts';
import { LocalDeployment } from './local-deployment.ts';
import { LocalLambdaService, type DeadLetter, type FaultRule } from './local-lambda-service.ts';
import { LocalStepFunctions } from './local-step-functions.ts';
import { receiveMessages, sendMessage, type SqsMessage } from './moto-sqs.ts';
import { readBundledFunctions } from './read-bundled-functions.ts';
import { startStepFunctionsEndpoint } from './step-functions-endpoint.ts';
import type { ExecutionRecord } from './task-integrations.ts';
import type { InvocationOutcome } from './run-bundled-function.ts';
import { notifiedFunctions, objectCreatedEvent, readLambdaNotifications, type LambdaNotification } from './s3-notifications.ts';

export interface AwsInABoxOptions {
  /** The cloud assembly (cdk.out) to deploy: synthesize-app.ts writes one. */
  readonly assemblyDir: string;
  /** Where the sandboxes' /tmp folders go (a tempDir of the test). */
  readonly scratchDir: string;
  /** Faults the Lambda service raises (retry tests). @default none */
  readonly faults?: readonly FaultRule[];
  /** More endpoint variables for the sandboxes, e.g. AWS_ENDPOINT_URL_ATHENA of an Athena stand-in. @default none */
  readonly endpointEnvironment?: Readonly<Record<string, string>>;
  /** Start the Athena stand-in on the deployed catalog (refresh-views, report). @default false */
  readonly athena?: boolean;
}

export interface Delivery {
  readonly functionArn: string;
  readonly outcome: InvocationOutcome;
}

export interface AwsInABox {
  readonly account: LocalAccount;
  readonly moto: RunningMoto;
  readonly s3: S3Client;
  readonly sns: SNSClient;
  readonly deployment: LocalDeployment;
  readonly lambda: LocalLambdaService;
  readonly stepFunctions: LocalStepFunctions;
  readonly notifications: readonly LambdaNotification[];
  readonly schedules: readonly DeployedSchedule[];
  /** The Athena stand-in, when the box was started with `athena: true`. */
  readonly athena?: AthenaStandIn;
  /** The name of a bucket by the start of its logical id (`LakeBucket`). */
  bucket(logicalIdPrefix: string): string;
  /** Puts an object on moto, then delivers S3's notifications for it; resolves when the notified functions are done. */
  putObject(bucket: string, key: string, body: Uint8Array | string): Promise<Delivery[]>;
  /** Sends the ObjectCreated event of an object already there again (S3 delivers at least once). */
  notifyObjectCreated(bucket: string, key: string): Promise<Delivery[]>;
  /** Does what EventBridge Scheduler does when a schedule's time comes (by the start of its logical id): starts its state machine with its input; resolves when that execution ends. */
  fireSchedule(logicalIdPrefix: string): Promise<ExecutionRecord>;
  /** The keys under a prefix of a bucket on moto, every page, in key order. */
  keysUnder(bucket: string, prefix: string): Promise<string[]>;
  /** What a function's dead-letter queue holds. */
  deadLetters(functionLogicalIdPrefix: string): Promise<SqsMessage[]>;
  stop(): Promise<void>;
}

export async function startAwsInABox(options: AwsInABoxOptions): Promise<AwsInABox> {
  const account = MOTO_ACCOUNT;
  const stacks = await readSynthesizedStacks(options.assemblyDir);
  const moto = await startMotoServer();
  const stops: (() => Promise<void>)[] = [async () => moto.stop()];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    const clientConfig = { endpoint: moto.endpoint, region: account.region, credentials: account.credentials };
    const sns = new SNSClient(clientConfig);
    const secretsManager = new SecretsManagerClient(clientConfig);
    const deployment = new LocalDeployment(stacks, account, moto.endpoint);
    await deployOnMoto(deployment, { endpoint: moto.endpoint, s3: moto.client, sns, secretsManager });
    secretsManager.destroy();
    const functions = await readBundledFunctions(options.assemblyDir, deployment);
    let athena: AthenaStandIn | undefined;
    if (options.athena === true) {
      const standIn = await startAthenaOfDeployment(deployment, await mkdtemp(path.join(options.scratchDir, 'athena-')));
      athena = standIn;
      stops.push(() => standIn.stop());
    }
    // Built before the service it answers for: the sandboxes need its address.
    let stepFunctions: LocalStepFunctions | undefined;
    const sfnEndpoint = await startStepFunctionsEndpoint(() => stepFunctions!);
    stops.push(() => sfnEndpoint.stop());
    const lambda = new LocalLambdaService(functions, {
      sandbox: {
        region: account.region,
        credentials: account.credentials,
        endpointEnvironment: {
          // Every SDK v3 client honours AWS_ENDPOINT_URL; the S3 object stores read IPSTATS_S3_ENDPOINT (path-style URLs).
          AWS_ENDPOINT_URL: moto.endpoint,
          IPSTATS_S3_ENDPOINT: moto.endpoint,
          AWS_ENDPOINT_URL_SFN: sfnEndpoint.endpoint,
          ...(athena === undefined ? {} : { AWS_ENDPOINT_URL_ATHENA: athena.endpoint }),
          ...options.endpointEnvironment,
        },
        scratchDir: options.scratchDir,
      },
      faults: options.faults,
      deliverDeadLetter: (letter) => deliverDeadLetter(moto.endpoint, deployment, letter),
    });
    const machines = new LocalStepFunctions(readDeployedStateMachines(deployment), account, { lambda, s3: moto.client, sns });
    stepFunctions = machines;
    const notifications = readLambdaNotifications(deployment);
    const schedules = readDeployedSchedules(deployment);

    const deliver = async (bucket: string, key: string): Promise<Delivery[]> => {
      const head = await moto.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      const event = objectCreatedEvent(account, { bucket, key, size: head.ContentLength ?? 0, eTag: head.ETag ?? '', ...(head.VersionId === undefined ? {} : { versionId: head.VersionId }) });
      const targets = notifiedFunctions(notifications, bucket, key, 'ObjectCreated:Put');
      return Promise.all(targets.map(async (functionArn) => ({ functionArn, outcome: await lambda.invokeEvent(functionArn, event) })));
    };

    return {
      account,
      moto,
      s3: moto.client,
      sns,
      deployment,
      lambda,
      stepFunctions: machines,
      notifications,
      schedules,
      ...(athena === undefined ? {} : { athena }),
      bucket(logicalIdPrefix) {
        for (const stack of stacks) {
          const found = resourcesOfType(stack, 'AWS::S3::Bucket').find(([logicalId]) => logicalId.startsWith(logicalIdPrefix));
          if (found !== undefined) return deployment.physical(stack.stackName, found[0]).ref;
        }
        throw new Error(`no bucket whose logical id starts with ${logicalIdPrefix}`);
      },
      async putObject(bucket, key, body) {
        await moto.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: typeof body === 'string' ? Buffer.from(body) : body }));
        return deliver(bucket, key);
      },
      notifyObjectCreated: deliver,
      async fireSchedule(logicalIdPrefix) {
        const schedule = schedules.find((one) => one.logicalId.startsWith(logicalIdPrefix));
        if (schedule === undefined) throw new Error(`no schedule ${logicalIdPrefix}; have ${schedules.map((one) => one.logicalId).join(', ')}`);
        if (!schedule.enabled) throw new Error(`schedule ${schedule.logicalId} is disabled: the scheduler would not fire it`);
        return machines.run(schedule.stateMachineArn, schedule.input);
      },
      async keysUnder(bucket, prefix) {
        // The product's S3 lister: it follows continuation tokens (ListObjectsV2 stops at 1,000 keys).
        return (await new S3ObjectStore({ client: moto.client, bucket }).list(prefix)).map((object) => object.key);
      },
      async deadLetters(functionLogicalIdPrefix) {
        const fn = lambda.function(functionLogicalIdPrefix);
        if (fn.deadLetterTargetArn === undefined) throw new Error(`${fn.logicalId} has no dead-letter queue`);
        return receiveMessages(moto.endpoint, queueUrlOf(deployment, fn.deadLetterTargetArn));
      },
      async stop() {
        try {
          await machines.settled();
        } finally {
          sns.destroy();
          await stopAll();
        }
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The queue URL of a queue ARN of the deployment. */
function queueUrlOf(deployment: LocalDeployment, queueArn: string): string {
  for (const stack of deployment.stacks) {
    for (const [logicalId] of resourcesOfType(stack, 'AWS::SQS::Queue')) {
      const physical = deployment.physical(stack.stackName, logicalId);
      if (physical.attributes.Arn === queueArn) return physical.ref;
    }
  }
  throw new Error(`no queue of the deployment has the ARN ${queueArn}`);
}

/** As Lambda writes a dead letter: the event as the body, the request id and error as attributes. */
async function deliverDeadLetter(endpoint: string, deployment: LocalDeployment, letter: DeadLetter): Promise<void> {
  const error = letter.outcome.status === 'succeeded' ? undefined : letter.outcome.error;
  await sendMessage(endpoint, queueUrlOf(deployment, letter.function.deadLetterTargetArn!), JSON.stringify(letter.event), {
    RequestID: letter.outcome.requestId,
    ErrorCode: '200',
    ErrorMessage: error === undefined ? '' : `${error.errorType}: ${error.errorMessage}`.slice(0, 1000),
  });
}
