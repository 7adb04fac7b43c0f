/**
 * cdk-nag acknowledgements, written beside the code that causes the finding. Each carries the
 * reason a reviewer would need; IAM5 findings are acknowledged one resource pattern at a time,
 * never as a blanket "AwsSolutions-IAM5".
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 20) throw new Error(`acknowledgement of ${id} needs a reason a reviewer can judge, got "${reason}"`);
  Validations.of(scope).acknowledge({ id, reason });
}

/** The id cdk-nag gives a wildcard resource (tokens rendered as `<LogicalId.Arn>`). */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}
