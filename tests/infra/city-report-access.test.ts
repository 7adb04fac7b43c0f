import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { CityReportAccess, cityReportsPrefix } from '../../infra/constructs/city-report-access.ts';
import { resourcesOf, synthIpstats, TEST_CITIES } from './support/synth-ipstats.ts';

describe('per-city report access (issue 5)', () => {
  const { stacks, templates } = synthIpstats({ 'ipstats:cityTrustedAccounts': { '440300': '210987654321' } });
  const template = templates.delivery;
  const delivery = stacks.delivery;
  const policies = resourcesOf(template, 'AWS::IAM::Policy');
  const policyOf = (city: string) => {
    const roleId = delivery.getLogicalId(delivery.cityAccess.get(city)!.role.node.defaultChild as never);
    const attached = Object.values(policies).filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]));
    expect(attached).toHaveLength(1);
    return (attached[0]!.Properties.PolicyDocument as { Statement: unknown[] }).Statement;
  };
  const reportsArn = (path = '') => ({
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::ipstats-reports-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }, ...(path ? [path] : [])]],
  });
  const lakeKeyArn = delivery.resolve(stacks.storage.lakeKey.keyArn);

  it('derives the prefix from the report key layout', () => {
    expect(cityReportsPrefix('310000')).toBe('reports/city=310000/');
  });

  it('gives each configured city one role and one topic', () => {
    expect([...delivery.cityAccess.keys()]).toEqual([...TEST_CITIES]);
    template.resourceCountIs('AWS::IAM::Role', 2);
    template.resourceCountIs('AWS::SNS::Topic', 2 + 2);
  });

  it('lets a city list and read reports/city=<code>/ and nothing else: no other prefix, no write, no delete', () => {
    const topicRef = delivery.resolve(delivery.cityAccess.get('310000')!.topic.topicArn);
    expect(policyOf('310000')).toEqual([
      {
        Sid: 'ListOwnReports',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: reportsArn(),
        Condition: { StringLike: { 's3:prefix': ['reports/city=310000/', 'reports/city=310000/*'] } },
      },
      { Sid: 'ReadOwnReports', Effect: 'Allow', Action: 's3:GetObject', Resource: reportsArn('/reports/city=310000/*') },
      {
        Sid: 'DecryptThroughS3',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: lakeKeyArn,
        Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['s3.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] } } },
      },
      { Sid: 'SubscribeToOwnTopic', Effect: 'Allow', Action: 'sns:Subscribe', Resource: topicRef },
    ]);
  });

  it("never names another city's prefix in a city's policy", () => {
    expect(JSON.stringify(policyOf('440300'))).not.toContain('310000');
    expect(JSON.stringify(policyOf('310000'))).not.toContain('440300');
  });

  it("trusts this account by default, or the city's own account when configured", () => {
    const trust = (city: string) => {
      const roleId = delivery.getLogicalId(delivery.cityAccess.get(city)!.role.node.defaultChild as never);
      return (resourcesOf(template, 'AWS::IAM::Role')[roleId]!.Properties.AssumeRolePolicyDocument as { Statement: unknown[] }).Statement;
    };
    expect(trust('310000')).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } } },
    ]);
    expect(trust('440300')).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::210987654321:root']] } } },
    ]);
  });

  it('lets only the report function publish to the city topics', () => {
    const pipelinePolicies = Object.values(resourcesOf(templates.pipeline, 'AWS::IAM::Policy'));
    const publishers = pipelinePolicies.filter((policy) => JSON.stringify(policy.Properties.PolicyDocument).includes('"sns:Publish"'));
    expect(publishers.map((policy) => JSON.stringify(policy.Properties.Roles))).toEqual([
      JSON.stringify([{ Ref: stacks.pipeline.getLogicalId(stacks.pipeline.functions.report.role.node.defaultChild as never) }]),
      // The state machine that notifies run results and alarms (run and alarm topics, not city topics).
      expect.stringContaining('MonthlyRunStateMachineRole'),
    ]);
  });

  it('rejects a malformed city code or account with the bad value', () => {
    const stack = new Stack(new App(), 'Bad');
    const common = { reportsBucket: stacks.storage.reportsBucket, reportsKey: stacks.storage.lakeKey, topicKey: stacks.storage.messagingKey };
    expect(() => new CityReportAccess(stack, 'A', { ...common, cityCode: '3100' })).toThrow('cityCode must be six digits (GB/T 2260), got "3100"');
    expect(() => new CityReportAccess(stack, 'B', { ...common, cityCode: '310000', trustedAccount: '12' })).toThrow('trustedAccount must be a 12-digit AWS account id, got "12"');
  });
});
