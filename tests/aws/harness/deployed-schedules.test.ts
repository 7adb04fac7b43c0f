/** The harness reads a schedule as EventBridge Scheduler holds it, and fires only what it can fire: a state machine. */
import { describe, expect, it } from 'vitest';
import { readDeployedSchedules } from './deployed-schedules.ts';
import { MOTO_ACCOUNT } from './local-account.ts';
import { LocalDeployment } from './local-deployment.ts';

const MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:Monthly';

function deploymentWith(target: Record<string, unknown>, extra: Record<string, unknown> = {}): LocalDeployment {
  const schedule = { Type: 'AWS::Scheduler::Schedule', Properties: { ScheduleExpression: 'cron(0 6 5 * ? *)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: target, ...extra } };
  return new LocalDeployment([{ stackName: 'Test', template: { Resources: { MonthlySchedule: schedule } } }], MOTO_ACCOUNT, 'http://127.0.0.1:1');
}

describe('readDeployedSchedules', () => {
  it('reads the expression, its time zone (UTC when none), the state and the target\'s input', () => {
    const [schedule] = readDeployedSchedules(deploymentWith({ Arn: MACHINE_ARN, RoleArn: 'arn:aws:iam::123456789012:role/r', Input: '{"period":null}' }, { State: 'DISABLED' }));
    expect(schedule).toEqual({ stackName: 'Test', logicalId: 'MonthlySchedule', expression: 'cron(0 6 5 * ? *)', timeZone: 'UTC', enabled: false, stateMachineArn: MACHINE_ARN, input: { period: null } });
  });

  it('gives an empty input when the target has none, as the scheduler sends', () => {
    expect(readDeployedSchedules(deploymentWith({ Arn: MACHINE_ARN }))[0]!.input).toEqual({});
  });

  it('refuses a target that is not a state machine', () => {
    expect(() => readDeployedSchedules(deploymentWith({ Arn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }))).toThrow(
      'Test/MonthlySchedule: the harness fires schedules whose target is a state machine (StartExecution), not "arn:aws:lambda:us-east-1:123456789012:function:f"',
    );
  });
});
