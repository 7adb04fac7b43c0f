import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct, MetadataEntry } from 'constructs';
import { describe, expect, it } from 'vitest';
import { acknowledge } from '../../infra/nag/acknowledge.ts';
import { synthIpstats } from './support/synth-ipstats.ts';

describe('cdk-nag AwsSolutions', () => {
  const { stacks } = synthIpstats();

  it.each(Object.entries(stacks))('finds nothing unacknowledged in the %s stack', (_name, stack) => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    const findings = report.violations.flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`));
    expect(findings).toEqual([]);
  });

  it('records a written reason with every acknowledgement', () => {
    const acknowledged = Object.values(stacks).flatMap((stack) =>
      stack.node
        .findAll()
        .flatMap((node: IConstruct) => node.node.metadata)
        .filter((entry: MetadataEntry) => /acknowledged/i.test(entry.type))
        .flatMap((entry: MetadataEntry) => Object.entries(entry.data as Record<string, string>)),
    );
    expect(acknowledged.length).toBeGreaterThan(20);
    for (const [id, reason] of acknowledged) expect({ id, long: String(reason).length >= 40 }).toEqual({ id, long: true });
  });

  it('refuses an acknowledgement without a real reason', () => {
    expect(() => acknowledge(stacks.storage, 'AwsSolutions-S1', 'n/a')).toThrow('acknowledgement of AwsSolutions-S1 needs a reason a reviewer can judge, got "n/a"');
  });

  it('would report a wildcard that no acknowledgement covers', () => {
    const stack = stacks.pipeline;
    stack.functions.report.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::someone-else/*'] }));
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((violation) => violation.ruleName)).toEqual(['AwsSolutions-IAM5[Resource::arn:aws:s3:::someone-else/*]']);
  });
});
