/**
 * The retry policy of the state machines (docs/aws.md "Retry policy"): every Lambda task that may
 * run again with the same input retries a handler error (States.TaskFailed) twice with backoff
 * and full jitter, after a retrier that fails a sandbox failure (timeout, out of memory) at once,
 * and after the retriers of Lambda service errors and throttling; the nested executions and the
 * SNS notifications retry throttling only.
 */
import { describe, expect, it } from 'vitest';
import { stateMachineDefinition, type AslState } from './support/state-machine-definition.ts';
import { synthIpstats } from './support/synth-ipstats.ts';

interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly MaxAttempts?: number;
  readonly [field: string]: unknown;
}

/** Every state of a definition by name, those inside Map and Parallel states included. */
function allStates(states: Record<string, AslState>): Record<string, AslState> {
  const found: Record<string, AslState> = {};
  for (const [name, state] of Object.entries(states)) {
    found[name] = state;
    const processor = (state.ItemProcessor ?? state.Iterator) as { States: Record<string, AslState> } | undefined;
    if (processor !== undefined) Object.assign(found, allStates(processor.States));
    for (const branch of (state.Branches as { States: Record<string, AslState> }[] | undefined) ?? []) Object.assign(found, allStates(branch.States));
  }
  return found;
}

/** Twice, after 10 s and after 30 s (10 × 3), no wait above 60 s, each with full jitter (docs/aws.md "Retry policy"). */
const HANDLER_RETRIER = {
  ErrorEquals: ['States.TaskFailed'],
  IntervalSeconds: 10,
  MaxAttempts: 2,
  BackoffRate: 3,
  MaxDelaySeconds: 60,
  JitterStrategy: 'FULL',
};

describe('the retry policy of the state machines', () => {
  const template = synthIpstats().templates.pipeline;
  const machines = {
    PendingSourcesIngestion: allStates(stateMachineDefinition(template, 'PendingSourcesIngestionStateMachine').States),
    LargeSourceIngestion: allStates(stateMachineDefinition(template, 'LargeSourceIngestionStateMachine').States),
    MonthlyRun: allStates(stateMachineDefinition(template, 'MonthlyRunStateMachine').States),
  };
  const retryOf = (machine: keyof typeof machines, state: string) => {
    const found = machines[machine][state];
    if (found === undefined) throw new Error(`${machine} has no state ${state}`);
    return (found.Retry ?? []) as Retrier[];
  };

  it.each([
    ['PendingSourcesIngestion', 'IngestFile'],
    ['LargeSourceIngestion', 'SplitSource'],
    ['LargeSourceIngestion', 'IngestRange'],
    ['LargeSourceIngestion', 'MergeRanges'],
    ['MonthlyRun', 'PublishCityConfig'],
    ['MonthlyRun', 'RefreshViews'],
    ['MonthlyRun', 'AssembleReport'],
    ['MonthlyRun', 'Report'],
    ['MonthlyRun', 'WriteIndex'],
  ] as const)('%s.%s (idempotent) retries a handler error twice with backoff, after failing a sandbox failure at once', (machine, state) => {
    const retry = retryOf(machine, state);
    const sandbox = retry.findIndex((retrier) => retrier.ErrorEquals.includes('Lambda.Unknown'));
    const handler = retry.findIndex((retrier) => retrier.ErrorEquals.includes('States.TaskFailed'));
    const serviceErrors = retry.findIndex((retrier) => retrier.ErrorEquals.includes('Lambda.ServiceException'));
    const throttling = retry.findIndex((retrier) => retrier.ErrorEquals.includes('Lambda.TooManyRequestsException'));
    expect(retry[sandbox]).toEqual({ ErrorEquals: ['Lambda.Unknown', 'Sandbox.Timedout'], MaxAttempts: 0 });
    expect(retry[handler]).toEqual(HANDLER_RETRIER);
    // Retriers are matched in order: States.TaskFailed also matches the errors of the others.
    expect(serviceErrors).toBeGreaterThanOrEqual(0);
    expect(throttling).toBeGreaterThanOrEqual(0);
    expect(Math.max(serviceErrors, throttling, sandbox)).toBeLessThan(handler);
    expect(handler).toBe(retry.length - 1);
  });

  it.each([
    ['PendingSourcesIngestion', 'IngestLargeFile'],
    ['MonthlyRun', 'IngestPendingSources'],
    ['MonthlyRun', 'NotifyRunFinished'],
    ['MonthlyRun', 'PublishFailure'],
  ] as const)('%s.%s (a nested run that retries inside, or a message that must not go twice) does not retry task failures', (machine, state) => {
    const retry = retryOf(machine, state);
    expect(retry.length).toBeGreaterThan(0);
    expect(retry.flatMap((retrier) => retrier.ErrorEquals)).not.toContain('States.TaskFailed');
    expect(retry.flatMap((retrier) => retrier.ErrorEquals)).not.toContain('States.ALL');
  });
});
