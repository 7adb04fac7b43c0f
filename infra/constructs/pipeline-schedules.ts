/**
 * EventBridge Scheduler schedules, in China Standard Time whatever the region's clock:
 * pending sources every day, the monthly run on a configurable day. Each schedule has its own
 * role (start that one state machine) and retries; the targets are idempotent.
 */
import { Duration, TimeZone } from 'aws-cdk-lib';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { requireIntegerInRange } from './validate-props.ts';

export const SCHEDULE_TIME_ZONE = TimeZone.ASIA_SHANGHAI;

export interface PipelineSchedulesProps {
  readonly dailyIngestion: sfn.IStateMachine;
  readonly monthlyRun: sfn.IStateMachine;
  /** Hour (0–23, Asia/Shanghai) of the daily ingestion. @default 2 */
  readonly dailyIngestionHour?: number;
  /** Day of the month (1–28, so that every month has it) of the monthly run. @default 5 */
  readonly monthlyRunDayOfMonth?: number;
  /** Hour (0–23, Asia/Shanghai) of the monthly run. @default 6 */
  readonly monthlyRunHour?: number;
}

export class PipelineSchedules extends Construct {
  readonly daily: scheduler.Schedule;
  readonly monthly: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: PipelineSchedulesProps) {
    super(scope, id);
    const dailyHour = requireIntegerInRange('dailyIngestionHour', props.dailyIngestionHour ?? 2, 0, 23);
    const day = requireIntegerInRange('monthlyRunDayOfMonth', props.monthlyRunDayOfMonth ?? 5, 1, 28);
    const monthlyHour = requireIntegerInRange('monthlyRunHour', props.monthlyRunHour ?? 6, 0, 23);
    const retries = { retryAttempts: 3, maxEventAge: Duration.hours(6), input: scheduler.ScheduleTargetInput.fromObject({}) };
    this.daily = new scheduler.Schedule(this, 'DailyIngestion', {
      description: 'ipstats: ingest pending sources every day',
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: String(dailyHour), timeZone: SCHEDULE_TIME_ZONE }),
      target: new targets.StepFunctionsStartExecution(props.dailyIngestion, retries),
    });
    this.monthly = new scheduler.Schedule(this, 'MonthlyRun', {
      description: `ipstats: monthly run on day ${day}`,
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: String(monthlyHour), day: String(day), timeZone: SCHEDULE_TIME_ZONE }),
      target: new targets.StepFunctionsStartExecution(props.monthlyRun, retries),
    });
  }
}
