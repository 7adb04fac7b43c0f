/**
 * X-Ray active tracing for a Lambda function in every partition but aws-cn: "Amazon X-Ray
 * integration with Lambda functions is not available in the China Regions" (Getting Started
 * with Amazon Web Services in China, "Amazon Lambda", feature differences:
 * https://docs.amazonaws.cn/en_us/aws/latest/userguide/lambda.html). The templates are
 * environment-agnostic, so the choice is a CloudFormation condition on AWS::Partition, made at
 * deploy time: `TracingConfig` is `{ Mode: Active }` outside China and absent in it.
 */
import { Aws, CfnCondition, Fn, Stack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';

/** The stack-level condition "deployed in the aws-cn partition". */
const IN_CHINA_PARTITION = 'InChinaPartition';

function inChinaPartition(stack: Stack): CfnCondition {
  const existing = stack.node.tryFindChild(IN_CHINA_PARTITION);
  if (existing !== undefined) return existing as CfnCondition;
  const condition = new CfnCondition(stack, IN_CHINA_PARTITION, { expression: Fn.conditionEquals(Aws.PARTITION, 'aws-cn') });
  condition.overrideLogicalId(IN_CHINA_PARTITION);
  return condition;
}

export function activeTracingOutsideChina(fn: lambda.Function): void {
  const resource = fn.node.defaultChild as lambda.CfnFunction;
  // Inside Fn::If the value is written in CloudFormation's own casing (no property mapping).
  resource.tracingConfig = Fn.conditionIf(inChinaPartition(Stack.of(fn)).logicalId, Aws.NO_VALUE, { Mode: 'Active' });
}
