/**
 * Hands an inbox object too large for one Lambda's 15 minutes to the large-source state machine
 * (split → ranges → merge). The execution is named after the object's bucket, key, size and ETag,
 * so an S3 event delivered twice starts one execution, not two.
 */
import { createHash } from 'node:crypto';
import { ExecutionAlreadyExists, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';

export interface LargeSourceInput {
  readonly dataset: string;
  readonly key: string;
}

export interface LargeSourceStarter {
  /** Starts (or finds already started) the execution for this object; returns its name. */
  start(input: LargeSourceInput, identity: { readonly bucket: string; readonly size: number; readonly eTag?: string }): Promise<string>;
}

export function executionNameFor(bucket: string, key: string, size: number, eTag = ''): string {
  // Names allow 80 characters of [A-Za-z0-9-_]; a key's own characters (Chinese, spaces) do not fit.
  return `ingest-${createHash('sha256').update(`${bucket}\n${key}\n${size}\n${eTag}`).digest('hex').slice(0, 40)}`;
}

export function stepFunctionsLargeSourceStarter(client: SFNClient, stateMachineArn: string): LargeSourceStarter {
  return {
    async start(input, identity) {
      const name = executionNameFor(identity.bucket, input.key, identity.size, identity.eTag);
      try {
        await client.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify({ dataset: input.dataset, key: input.key }) }));
      } catch (error) {
        // The same object was handed over before (a redelivered event): that execution does the work.
        if (!(error instanceof ExecutionAlreadyExists)) {
          throw new Error(`cannot start the large-source ingestion of ${input.key} (${stateMachineArn}): ${(error as Error).message}`, { cause: error });
        }
      }
      return name;
    },
  };
}
