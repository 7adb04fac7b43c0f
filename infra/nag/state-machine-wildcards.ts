/**
 * The wildcard resources that aws-cdk-lib's Step Functions integrations write into a state
 * machine's policies, acknowledged by shape with the reason for each shape. A wildcard of any
 * other shape is left alone, so cdk-nag still reports it.
 */
import { CfnResource, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { IConstruct } from 'constructs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { acknowledge } from './acknowledge.ts';

const SHAPES: readonly { readonly pattern: RegExp; readonly reason: string }[] = [
  {
    pattern: /^\*$/,
    reason: 'CloudWatch Logs delivery (logs:CreateLogDelivery, logs:DescribeResourcePolicies …) and X-Ray actions support no resource-level permissions',
  },
  {
    pattern: /^<[A-Za-z0-9]+\.Arn>:\*$/,
    reason: 'invokes any version or alias of one named function that this state machine calls (the LambdaInvoke integration grant)',
  },
  {
    pattern: /^arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:.*\*$/,
    reason: 'describes and stops executions of one named state machine (a child started with .sync, or its own Distributed Map runs), whose ids exist only at run time',
  },
];

export function acknowledgeStateMachineWildcards(stateMachine: sfn.StateMachine): void {
  const scope = stateMachine.node.scope ?? stateMachine;
  for (const policy of policiesUnder(scope)) {
    const document = Stack.of(policy).resolve((policy as iam.CfnPolicy).policyDocument) as { Statement?: { Effect: string; Resource?: unknown }[] };
    for (const statement of document.Statement ?? []) {
      if (statement.Effect !== 'Allow') continue;
      const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
      for (const resource of resources.map(flattenCfnReference).filter((flat) => flat.includes('*'))) {
        const shape = SHAPES.find(({ pattern }) => pattern.test(resource));
        if (shape !== undefined) acknowledge(policy, `AwsSolutions-IAM5[Resource::${resource}]`, shape.reason);
      }
    }
  }
}

function policiesUnder(scope: IConstruct): CfnResource[] {
  return scope.node.findAll().filter((node): node is CfnResource => node instanceof iam.CfnPolicy);
}
