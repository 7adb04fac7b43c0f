/**
 * Creates on moto_server the resources of the synthesised stacks that the functions and state
 * machines talk to at run time: the S3 buckets (versioned where the template says so), the SNS
 * topics, the SQS queues (dead letters) and the Secrets Manager secrets (their value resolved
 * from the template, e.g. the link signer's access key). Not created, because nothing local
 * would check them: KMS keys, IAM, log groups, alarms, schedules; the Glue tables and the Athena
 * workgroup belong to the Athena stand-in.
 */
import { CreateBucketCommand, PutBucketVersioningCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { resourcesOfType } from './cloudformation-template.ts';
import type { LocalDeployment } from './local-deployment.ts';
import { createQueue } from './moto-sqs.ts';
import { generatedName } from './physical-resources.ts';

export interface MotoClients {
  readonly endpoint: string;
  readonly s3: S3Client;
  readonly sns: SNSClient;
  readonly secretsManager: SecretsManagerClient;
}

export async function deployOnMoto(deployment: LocalDeployment, clients: MotoClients): Promise<void> {
  for (const stack of deployment.stacks) {
    const { stackName } = stack;
    for (const [logicalId, resource] of resourcesOfType(stack, 'AWS::S3::Bucket')) {
      const bucket = deployment.physical(stackName, logicalId).ref;
      await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
      const versioning = resource.Properties?.VersioningConfiguration as { Status?: string } | undefined;
      if (versioning?.Status === 'Enabled') {
        await clients.s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
      }
    }
    for (const [logicalId] of resourcesOfType(stack, 'AWS::SNS::Topic')) {
      const name = deployment.physical(stackName, logicalId).attributes.TopicName!;
      const { TopicArn } = await clients.sns.send(new CreateTopicCommand({ Name: name }));
      const expected = deployment.physical(stackName, logicalId).ref;
      if (TopicArn !== expected) throw new Error(`moto named topic ${logicalId} ${TopicArn}, the harness expected ${expected}`);
    }
    for (const [logicalId] of resourcesOfType(stack, 'AWS::SQS::Queue')) {
      const physical = deployment.physical(stackName, logicalId);
      const url = await createQueue(clients.endpoint, physical.attributes.QueueName!);
      if (url !== physical.ref) throw new Error(`moto gave queue ${logicalId} the URL ${url}, the harness expected ${physical.ref}`);
    }
    for (const [logicalId, resource] of resourcesOfType(stack, 'AWS::SecretsManager::Secret')) {
      const name = (resource.Properties?.Name as string | undefined) ?? generatedName(stackName, logicalId, 256);
      const secretString = deployment.resolveString(stackName, resource.Properties?.SecretString ?? '{}', `${stackName}/${logicalId} SecretString`);
      const { ARN } = await clients.secretsManager.send(new CreateSecretCommand({ Name: name, SecretString: secretString }));
      if (ARN === undefined) throw new Error(`moto returned no ARN for secret ${logicalId}`);
      deployment.record(stackName, logicalId, { ref: ARN, attributes: { Id: ARN } });
    }
  }
}
