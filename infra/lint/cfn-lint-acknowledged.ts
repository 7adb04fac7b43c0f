/**
 * The cfn-lint warnings we deploy with, each acknowledged for one rule on one resource of one
 * stack, with the reason a reviewer needs. This is the only place cfn-lint findings are
 * accepted: tests/infra/deploy-lint.test.ts runs cfn-lint over every synthesised template and
 * fails on any error, on any warning not listed here, and on any entry here that no longer
 * matches a finding (so the list cannot go stale). Errors cannot be acknowledged.
 */
import type { IpstatsStacks } from '../ipstats-app.ts';

export interface CfnLintAcknowledgement {
  /** A cfn-lint warning rule, e.g. `W3005`. */
  readonly rule: `W${number}`;
  readonly stack: keyof IpstatsStacks;
  /** The logical id the finding points at. */
  readonly resource: string;
  readonly reason: string;
}

/**
 * W3005 "dependency already enforced by a GetAtt": aws-cdk-lib's Function, StateMachine and
 * the S3 notifications handler call `resource.node.addDependency(this.role)` so that the
 * resource waits for everything under the role construct, above all its DefaultPolicy: the
 * function or state machine must not start before its permissions exist. That construct
 * dependency also lists the role resource itself, which the `Fn::GetAtt Role.Arn` already
 * orders. The duplicate edge changes nothing in CloudFormation's ordering; removing it would
 * mean overriding the DependsOn list CDK computes, and losing the policy edge with it.
 */
const ROLE_DEPENDENCY_OF_FUNCTION =
  'W3005: CDK makes the function depend on its whole role construct so it waits for the DefaultPolicy; the role itself is listed again beside the GetAtt, harmless to ordering';
const ROLE_DEPENDENCY_OF_STATE_MACHINE =
  'W3005: CDK makes the state machine depend on its whole role construct so it waits for the DefaultPolicy; the role itself is listed again beside the GetAtt, harmless to ordering';

export const CFN_LINT_ACKNOWLEDGED: readonly CfnLintAcknowledgement[] = [
  { rule: 'W3005', stack: 'pipeline', resource: 'IngestFunctionB02ED0EB', reason: ROLE_DEPENDENCY_OF_FUNCTION },
  { rule: 'W3005', stack: 'pipeline', resource: 'SplitSourceFunction430C52DA', reason: ROLE_DEPENDENCY_OF_FUNCTION },
  { rule: 'W3005', stack: 'pipeline', resource: 'IngestRangeFunctionDB0D8D7B', reason: ROLE_DEPENDENCY_OF_FUNCTION },
  { rule: 'W3005', stack: 'pipeline', resource: 'MergeRangesFunction09768487', reason: ROLE_DEPENDENCY_OF_FUNCTION },
  { rule: 'W3005', stack: 'pipeline', resource: 'RefreshViewsFunction055D6C6F', reason: ROLE_DEPENDENCY_OF_FUNCTION },
  { rule: 'W3005', stack: 'pipeline', resource: 'ReportFunction6EC312E5', reason: ROLE_DEPENDENCY_OF_FUNCTION },
  {
    rule: 'W3005',
    stack: 'pipeline',
    resource: 'BucketNotificationsHandler050a0587b7544547bf325f094a3db8347ECC3691',
    reason: `${ROLE_DEPENDENCY_OF_FUNCTION} (aws-cdk-lib's own handler of the S3 notification custom resource)`,
  },
  { rule: 'W3005', stack: 'pipeline', resource: 'LargeSourceIngestionStateMachineCACFF149', reason: ROLE_DEPENDENCY_OF_STATE_MACHINE },
  { rule: 'W3005', stack: 'pipeline', resource: 'PendingSourcesIngestionStateMachine86D40450', reason: ROLE_DEPENDENCY_OF_STATE_MACHINE },
  { rule: 'W3005', stack: 'pipeline', resource: 'MonthlyRunStateMachineF2C59C4E', reason: ROLE_DEPENDENCY_OF_STATE_MACHINE },
];
