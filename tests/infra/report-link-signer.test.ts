/**
 * The report link signer: an IAM user that may only read reports/*, its access key in a
 * KMS-encrypted secret (by reference, never as text in the template), and the report function
 * as the only reader of that secret.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { ReportLinkSigner } from '../../infra/constructs/report-link-signer.ts';
import { PIPELINE_FUNCTION_NAMES } from '../../infra/lambda/function-sizing.ts';
import { newTestApp, resourcesOf, synthIpstats } from './support/synth-ipstats.ts';

type Statement = { Sid?: string; Effect: string; Action: unknown; Resource: unknown; Condition?: unknown };
type Policy = { Properties: { PolicyDocument: { Statement: Statement[] }; Users?: unknown; Roles?: unknown } };

const partition = { Ref: 'AWS::Partition' };
const viaService = (service: string) => ({ 'Fn::Join': ['', [`${service}.`, { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] });

describe('ReportLinkSigner in the delivery stack', () => {
  const { stacks, templates } = synthIpstats();
  const delivery = stacks.delivery;
  const signer = delivery.linkSigner;
  const id = (construct: { node: { defaultChild?: unknown } }) => delivery.getLogicalId(construct.node.defaultChild as never);
  const userId = id(signer.user);
  const secretId = id(signer.secret);
  const secretKeyId = id(signer.secretKey);
  const accessKeyId = id(signer.accessKeys.get(1)!);

  it('creates the user ipstats-report-link-signer with one access key (serial 1)', () => {
    expect(resourcesOf(templates.delivery, 'AWS::IAM::User')).toEqual({ [userId]: { Type: 'AWS::IAM::User', Properties: { UserName: 'ipstats-report-link-signer' } } });
    expect(resourcesOf(templates.delivery, 'AWS::IAM::AccessKey')).toEqual({
      [accessKeyId]: { Type: 'AWS::IAM::AccessKey', Properties: { Serial: 1, UserName: { Ref: userId } } },
    });
  });

  it('lets the user only read reports/* and decrypt them through S3', () => {
    const policies = Object.values(resourcesOf(templates.delivery, 'AWS::IAM::Policy') as Record<string, Policy>).filter(
      (policy) => JSON.stringify(policy.Properties.Users) === JSON.stringify([{ Ref: userId }]),
    );
    expect(policies).toHaveLength(1);
    expect(policies[0]!.Properties.PolicyDocument.Statement).toEqual([
      {
        Sid: 'ReadReports',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', ['arn:', partition, ':s3:::ipstats-reports-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }, '/reports/*']] },
      },
      {
        Sid: 'DecryptReportsThroughS3',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: { 'Fn::ImportValue': expect.stringMatching(/^IpstatsStorage:ExportsOutputFnGetAttLakeKey/) },
        Condition: { StringEquals: { 'kms:ViaService': viaService('s3') } },
      },
    ]);
  });

  it('stores the access key in a secret encrypted with its own rotating key, by reference only', () => {
    const secret = resourcesOf(templates.delivery, 'AWS::SecretsManager::Secret')[secretId]!;
    expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [secretKeyId, 'Arn'] });
    expect(secret.Properties.SecretString).toEqual({
      'Fn::Join': ['', ['{"accessKeyId":"', { Ref: accessKeyId }, '","secretAccessKey":"', { 'Fn::GetAtt': [accessKeyId, 'SecretAccessKey'] }, '"}']],
    });
    expect(Object.keys(resourcesOf(templates.delivery, 'AWS::SecretsManager::Secret'))).toEqual([secretId]);
    const key = resourcesOf(templates.delivery, 'AWS::KMS::Key')[secretKeyId]!;
    expect(key.Properties.EnableKeyRotation).toBe(true);
    // Only the account's own IAM policies decide who decrypts (no literal service domain).
    expect((key.Properties.KeyPolicy as { Statement: Statement[] }).Statement.map((statement) => statement.Action)).toEqual(['kms:*']);
  });

  it('lets the report function, and no other, read the secret, and gives it the secret ARN', () => {
    const pipeline = stacks.pipeline;
    const secretArn = { 'Fn::ImportValue': expect.stringMatching(/^IpstatsDelivery:ExportsOutputRefReportLinkSignerSecret/) };
    const keyArn = { 'Fn::ImportValue': expect.stringMatching(/^IpstatsDelivery:ExportsOutputFnGetAttReportLinkSignerSecretKey/) };
    const functions = resourcesOf(templates.pipeline, 'AWS::Lambda::Function');
    const policies = Object.values(resourcesOf(templates.pipeline, 'AWS::IAM::Policy') as Record<string, Policy>);
    for (const name of PIPELINE_FUNCTION_NAMES) {
      const fn = pipeline.functions[name];
      const variables = (functions[pipeline.getLogicalId(fn.function.node.defaultChild as never)]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const roleRef = JSON.stringify([{ Ref: pipeline.getLogicalId(fn.role.node.defaultChild as never) }]);
      const statements = policies.filter((policy) => JSON.stringify(policy.Properties.Roles) === roleRef).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
      const secretStatements = statements.filter((statement) => JSON.stringify(statement).includes('ReportLinkSigner'));
      if (name !== 'report') {
        expect({ name, variable: variables['IPSTATS_LINK_SIGNER_SECRET_ARN'], secretStatements }).toEqual({ name, variable: undefined, secretStatements: [] });
        continue;
      }
      expect(variables['IPSTATS_LINK_SIGNER_SECRET_ARN']).toEqual(secretArn);
      expect(secretStatements).toEqual([
        { Sid: 'ReadLinkSignerSecret', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretArn },
        { Sid: 'DecryptLinkSignerSecret', Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyArn, Condition: { StringEquals: { 'kms:ViaService': viaService('secretsmanager') } } },
      ]);
    }
  });
});

describe('ReportLinkSigner key rotation and validation', () => {
  function signerStack(keySerials?: readonly number[]) {
    const stack = new Stack(newTestApp(), 'Signer');
    const signer = new ReportLinkSigner(stack, 'Signer', {
      reportsBucket: s3.Bucket.fromBucketName(stack, 'Reports', 'ipstats-reports-test'),
      reportsKey: new kms.Key(stack, 'ReportsKey', { enableKeyRotation: true }),
      keySerials,
    });
    return { stack, signer, template: Template.fromStack(stack) };
  }

  it('keeps the old key during a rotation and puts the new one in the secret', () => {
    const { stack, signer, template } = signerStack([1, 2]);
    const keyIds = [1, 2].map((serial) => stack.getLogicalId(signer.accessKeys.get(serial)!.node.defaultChild as never));
    expect(Object.values(resourcesOf(template, 'AWS::IAM::AccessKey')).map((key) => key.Properties.Serial)).toEqual([1, 2]);
    const secret = Object.values(resourcesOf(template, 'AWS::SecretsManager::Secret'))[0]!;
    expect(JSON.stringify(secret.Properties.SecretString)).toContain(`{"Ref":"${keyIds[1]}"}`);
    expect(JSON.stringify(secret.Properties.SecretString)).not.toContain(keyIds[0]);
  });

  it('refuses key serials IAM or the procedure cannot follow', () => {
    expect(() => signerStack([])).toThrow('keySerials must name one or two access keys (IAM allows two per user), got []');
    expect(() => signerStack([1, 2, 3])).toThrow('keySerials must name one or two access keys (IAM allows two per user), got [1, 2, 3]');
    expect(() => signerStack([0])).toThrow('keySerials must be positive whole numbers, got [0]');
    expect(() => signerStack([3, 2])).toThrow('keySerials must be in increasing order, the new key last, got [3, 2]');
  });
});
