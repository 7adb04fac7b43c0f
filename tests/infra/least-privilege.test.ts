import { describe, expect, it } from 'vitest';
import { PIPELINE_FUNCTION_NAMES, type PipelineFunctionName } from '../../infra/lambda/function-sizing.ts';
import { resourcesOf, synthIpstats } from './support/synth-ipstats.ts';

/** A CloudFormation value as readable text: Fn::Join concatenated, references as <name>. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (v['Fn::Join']) return (v['Fn::Join'] as [string, unknown[]])[1].map(text).join((v['Fn::Join'] as [string])[0]);
  if (v.Ref) return `<${String(v.Ref)}>`;
  if (v['Fn::GetAtt']) return `<${(v['Fn::GetAtt'] as string[])[0]}>`;
  if (v['Fn::ImportValue']) return `<import>`;
  return JSON.stringify(value);
}

describe('function roles (least privilege)', () => {
  const { stacks, templates } = synthIpstats();
  const stack = stacks.pipeline;
  const policies = Object.values(resourcesOf(templates.pipeline, 'AWS::IAM::Policy'));
  /** Every "action resource" pair a function's role is allowed. */
  const grants = (name: PipelineFunctionName): string[] => {
    const roleRef = JSON.stringify([{ Ref: stack.getLogicalId(stack.functions[name].role.node.defaultChild as never) }]);
    const statements = policies
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === roleRef)
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: { Effect: string; Action: string | string[]; Resource: unknown }[] }).Statement);
    return statements.flatMap((statement) => {
      const actions = [statement.Action].flat();
      const resources = [statement.Resource].flat();
      return actions.flatMap((action) => resources.map((resource) => `${action} ${text(resource)}`));
    });
  };
  const lake = 'arn:<AWS::Partition>:s3:::ipstats-lake-<AWS::AccountId>-<AWS::Region>';
  const s3Object = (name: PipelineFunctionName, action: string) =>
    grants(name)
      .filter((grant) => grant.startsWith(`${action} `))
      .map((grant) => grant.slice(action.length + 1))
      .sort();

  it('never grants a bare wildcard action or s3:*', () => {
    for (const name of PIPELINE_FUNCTION_NAMES) {
      expect(grants(name).filter((grant) => /^(\*|s3:\*|kms:\*) /.test(grant))).toEqual([]);
    }
  });

  it('lets ingest read the inbox and write exactly the ingestion outputs, and delete nothing', () => {
    expect(s3Object('ingest', 's3:PutObject')).toEqual([`${lake}/curated/*`, `${lake}/ingest-seq/*`, `${lake}/manifests/*`, `${lake}/raw/*`, `${lake}/rejects/*`]);
    expect(s3Object('ingest', 's3:GetObject')).toEqual([
      `${lake}/config/cities.json`,
      `${lake}/curated/*`,
      `${lake}/inbox/*`,
      `${lake}/ingest-seq/*`,
      `${lake}/manifests/*`,
      `${lake}/raw/*`,
      `${lake}/rejects/*`,
    ]);
    expect(s3Object('ingest', 's3:DeleteObject')).toEqual([]);
    expect(grants('ingest')).toContain(`states:StartExecution <${stack.getLogicalId(stack.largeSourceIngestion.stateMachine.node.defaultChild as never)}>`);
  });

  it('lets split-source only read the inbox, the manifests and the ingest numbers taken', () => {
    expect(s3Object('split-source', 's3:GetObject')).toEqual([`${lake}/inbox/*`, `${lake}/ingest-seq/*`, `${lake}/manifests/*`]);
    expect(s3Object('split-source', 's3:PutObject')).toEqual([]);
  });

  it('keeps byte-range partial results under work/, which only merge-ranges may delete', () => {
    expect(s3Object('ingest-range', 's3:PutObject')).toEqual([`${lake}/work/*`]);
    expect(s3Object('merge-ranges', 's3:DeleteObject')).toEqual([`${lake}/work/*`]);
  });

  it('lets refresh-views write views in the ipstats database but read no lake data', () => {
    expect(grants('refresh-views')).toContain('glue:CreateTable arn:<AWS::Partition>:glue:<AWS::Region>:<AWS::AccountId>:table/ipstats/*');
    expect(s3Object('refresh-views', 's3:GetObject')).toEqual(['arn:<AWS::Partition>:s3:::ipstats-athena-results-<AWS::AccountId>-<AWS::Region>/athena/*']);
  });

  it('lets report read curated data and manifests, write reports/ and the index/ of all cities only, and publish only to city topics', () => {
    expect(s3Object('report', 's3:PutObject')).toEqual([
      'arn:<AWS::Partition>:s3:::ipstats-athena-results-<AWS::AccountId>-<AWS::Region>/athena/*',
      'arn:<AWS::Partition>:s3:::ipstats-reports-<AWS::AccountId>-<AWS::Region>/index/*',
      'arn:<AWS::Partition>:s3:::ipstats-reports-<AWS::AccountId>-<AWS::Region>/reports/*',
    ]);
    // Only the staging copies of a publication may be deleted, never a published report.
    expect(s3Object('report', 's3:DeleteObject')).toEqual(['arn:<AWS::Partition>:s3:::ipstats-reports-<AWS::AccountId>-<AWS::Region>/reports/.ipstats-staging/*']);
    expect(grants('report').filter((grant) => grant.startsWith('glue:Create'))).toEqual([]);
    expect(grants('report').filter((grant) => grant.startsWith('sns:Publish')).length).toBe(2);
    for (const name of PIPELINE_FUNCTION_NAMES.filter((n) => n !== 'report')) expect(grants(name).filter((grant) => grant.startsWith('sns:'))).toEqual([]);
  });
});
