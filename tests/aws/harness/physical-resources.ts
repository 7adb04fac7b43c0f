/**
 * What CloudFormation would answer for `Ref` and `Fn::GetAtt` of each resource type the ipstats
 * templates refer to, for a local deployment: names made from the stack and logical id where the
 * template sets none (CloudFormation adds a random suffix; the harness does not), ARNs in the
 * local account. A reference to a type or attribute not listed here is an error naming it, so a
 * template change that needs more is noticed rather than resolved to something made up.
 */
import { createHash } from 'node:crypto';
import type { CfnResource } from './cloudformation-template.ts';
import { arn, type LocalAccount } from './local-account.ts';

export interface PhysicalResource {
  readonly ref: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface PhysicalContext {
  readonly account: LocalAccount;
  readonly stackName: string;
  readonly logicalId: string;
  readonly resource: CfnResource;
  /** A property of the resource, intrinsics resolved. */
  property(name: string): unknown;
  /** Where moto serves SQS queues (their URLs carry the endpoint). */
  readonly motoEndpoint: string;
}

/** `<stack>-<logicalId>`, at most `limit` characters (a hash keeps shortened names apart). */
export function generatedName(stackName: string, logicalId: string, limit: number): string {
  const name = `${stackName}-${logicalId}`;
  if (name.length <= limit) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, limit - 9)}-${hash}`;
}

function deterministicId(seed: string, length: number, alphabet = '0123456789abcdef'): string {
  const digest = createHash('sha256').update(seed).digest();
  return Array.from(digest.subarray(0, length), (byte) => alphabet[byte % alphabet.length]).join('');
}

function named(context: PhysicalContext, property: string, limit: number): string {
  const given = context.property(property);
  return typeof given === 'string' && given !== '' ? given : generatedName(context.stackName, context.logicalId, limit);
}

export function physicalResource(context: PhysicalContext): PhysicalResource {
  const { account } = context;
  switch (context.resource.Type) {
    case 'AWS::S3::Bucket': {
      const name = named(context, 'BucketName', 63).toLowerCase();
      return { ref: name, attributes: { Arn: arn(account, 's3', name, { noAccount: true }), DomainName: `${name}.s3.${account.urlSuffix}` } };
    }
    case 'AWS::SNS::Topic': {
      const name = named(context, 'TopicName', 256);
      const topicArn = arn(account, 'sns', name);
      return { ref: topicArn, attributes: { TopicArn: topicArn, TopicName: name } };
    }
    case 'AWS::SQS::Queue': {
      const name = named(context, 'QueueName', 80);
      const url = `${context.motoEndpoint}/${account.accountId}/${name}`;
      return { ref: url, attributes: { Arn: arn(account, 'sqs', name), QueueName: name, QueueUrl: url } };
    }
    case 'AWS::Lambda::Function': {
      const name = named(context, 'FunctionName', 64);
      return { ref: name, attributes: { Arn: arn(account, 'lambda', `function:${name}`) } };
    }
    case 'AWS::StepFunctions::StateMachine': {
      const name = named(context, 'StateMachineName', 80);
      const machineArn = arn(account, 'states', `stateMachine:${name}`);
      return { ref: machineArn, attributes: { Arn: machineArn, Name: name } };
    }
    case 'AWS::KMS::Key': {
      const keyId = `${deterministicId(context.logicalId, 8)}-0000-4000-8000-${deterministicId(`${context.logicalId}/key`, 12)}`;
      return { ref: keyId, attributes: { Arn: arn(account, 'kms', `key/${keyId}`), KeyId: keyId } };
    }
    case 'AWS::IAM::Role': {
      const name = named(context, 'RoleName', 64);
      return { ref: name, attributes: { Arn: arn(account, 'iam', `role/${name}`, { global: true }), RoleId: `AROA${deterministicId(name, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}` } };
    }
    case 'AWS::IAM::User': {
      const name = named(context, 'UserName', 64);
      return { ref: name, attributes: { Arn: arn(account, 'iam', `user/${name}`, { global: true }) } };
    }
    case 'AWS::IAM::AccessKey': {
      const seed = `${context.stackName}/${context.logicalId}`;
      return {
        ref: `AKIA${deterministicId(seed, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
        attributes: { SecretAccessKey: deterministicId(`${seed}/secret`, 40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') },
      };
    }
    case 'AWS::Logs::LogGroup': {
      const name = named(context, 'LogGroupName', 512);
      return { ref: name, attributes: { Arn: arn(account, 'logs', `log-group:${name}:*`) } };
    }
    case 'AWS::Glue::Database': {
      const input = context.property('DatabaseInput') as { Name?: string } | undefined;
      return { ref: input?.Name ?? generatedName(context.stackName, context.logicalId, 255).toLowerCase(), attributes: {} };
    }
    case 'AWS::Athena::WorkGroup':
      return { ref: named(context, 'Name', 128), attributes: {} };
    case 'AWS::SecretsManager::Secret':
      // moto names a secret's ARN with a random suffix: the deployment records it when it creates the secret.
      throw new Error(`secret ${context.stackName}/${context.logicalId} has not been created on moto yet`);
    default:
      return { ref: generatedName(context.stackName, context.logicalId, 255), attributes: {} };
  }
}
