/**
 * The EventBridge Scheduler schedules of the deployment, as the scheduler would hold them: the
 * expression and its time zone, whether it is enabled, and the target with the input it sends,
 * intrinsics resolved. The harness does not keep time; a test fires a schedule, which does what
 * the scheduler does when the time comes: start the target state machine with the target's
 * input (`fireSchedule` in aws-in-a-box.ts). A target of another kind is an error, never a guess.
 */
import { resourcesOfType } from './cloudformation-template.ts';
import type { LocalDeployment } from './local-deployment.ts';

export interface DeployedSchedule {
  readonly stackName: string;
  readonly logicalId: string;
  /** `cron(0 6 5 * ? *)` … */
  readonly expression: string;
  /** IANA time zone of the expression, `UTC` when the template gives none. */
  readonly timeZone: string;
  readonly enabled: boolean;
  /** The state machine the schedule starts. */
  readonly stateMachineArn: string;
  /** The execution input the schedule sends (the target's Input, parsed; `{}` when absent). */
  readonly input: unknown;
}

const STATE_MACHINE_ARN = /^arn:[^:]+:states:[^:]+:\d{12}:stateMachine:[^:]+$/;

export function readDeployedSchedules(deployment: LocalDeployment): DeployedSchedule[] {
  const schedules: DeployedSchedule[] = [];
  for (const stack of deployment.stacks) {
    for (const [logicalId, resource] of resourcesOfType(stack, 'AWS::Scheduler::Schedule')) {
      const where = `${stack.stackName}/${logicalId}`;
      const props = deployment.resolve(stack.stackName, resource.Properties ?? {}) as {
        ScheduleExpression?: string;
        ScheduleExpressionTimezone?: string;
        State?: string;
        Target?: { Arn?: string; Input?: string };
      };
      const targetArn = props.Target?.Arn;
      if (targetArn === undefined || !STATE_MACHINE_ARN.test(targetArn)) {
        throw new Error(`${where}: the harness fires schedules whose target is a state machine (StartExecution), not ${JSON.stringify(targetArn)}`);
      }
      if (props.ScheduleExpression === undefined) throw new Error(`${where}: no ScheduleExpression`);
      schedules.push({
        stackName: stack.stackName,
        logicalId,
        expression: props.ScheduleExpression,
        timeZone: props.ScheduleExpressionTimezone ?? 'UTC',
        enabled: (props.State ?? 'ENABLED') === 'ENABLED',
        stateMachineArn: targetArn,
        input: props.Target?.Input === undefined ? {} : (JSON.parse(props.Target.Input) as unknown),
      });
    }
  }
  return schedules;
}
