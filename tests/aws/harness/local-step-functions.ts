/**
 * The local Step Functions service: runs the deployment's state machines, exact definitions
 * (resolved from the templates), with aws-local-stepfunctions 3.0.0 as the interpreter, every
 * Task answered by task-integrations.ts. Executions are named and carry the context object
 * fields the definitions read (`$$.Execution.Id`, `.Name`, `.StartTime`). Every execution,
 * nested ones included, is kept with its event log.
 *
 * Time is the one thing not kept: before a retry the interpreter waits RETRY_WAIT_MS, not the
 * retrier's IntervalSeconds × BackoffRate^n (10 s, then 30 s, for a handler error). The retries
 * themselves are the definition's — which errors, which retrier (its event names it, with its
 * IntervalSeconds), how many attempts — and no test here measures the wait; waiting it out cost
 * the suite over a minute of test time a run.
 */
import { randomUUID } from 'node:crypto';
import './promise-with-resolvers.ts';
import { ExecutionError, ExecutionTimeoutError, StateMachine } from 'aws-local-stepfunctions';
import type { DeployedStateMachine, AslDefinition, AslState } from './deployed-state-machines.ts';
import { adaptForInterpreter, ITEM_READER_CONTEXT_FIELD } from './interpreter-adaptations.ts';
import type { LocalAccount } from './local-account.ts';
import { checkStateDataSize } from './step-functions-errors.ts';
import { taskHandlerFor, type ExecutionHandle, type ExecutionRecord, type TaskHandler, type TaskIntegrationDeps } from './task-integrations.ts';

/** StartExecution with the name of an execution that exists already (closed, or with another input). */
export class ExecutionAlreadyExistsError extends Error {
  constructor(executionArn: string) {
    super(`Execution Already Exists: '${executionArn}'`);
    this.name = 'ExecutionAlreadyExists';
  }
}

/** What the interpreter waits before a retry (see above). */
const RETRY_WAIT_MS = 20;

interface StartedExecution {
  readonly input: string;
  readonly handle: ExecutionHandle;
  settled: boolean;
}

export class LocalStepFunctions {
  readonly executions: ExecutionRecord[] = [];
  private readonly running = new Set<Promise<ExecutionRecord>>();
  private readonly started = new Map<string, StartedExecution>();

  constructor(
    readonly machines: readonly DeployedStateMachine[],
    private readonly account: LocalAccount,
    private readonly deps: Omit<TaskIntegrationDeps, 'startExecution'>,
  ) {}

  /** By ARN, name or logical id prefix. */
  machine(id: string): DeployedStateMachine {
    const found = this.machines.find((m) => m.arn === id || m.name === id) ?? this.machines.find((m) => m.logicalId.startsWith(id));
    if (found === undefined) throw new Error(`no state machine ${id}; have ${this.machines.map((m) => m.logicalId).join(', ')}`);
    return found;
  }

  /** Starts an execution and waits for its end. */
  async run(id: string, input: unknown = {}, name?: string): Promise<ExecutionRecord> {
    return this.start(id, input, name).finished;
  }

  /**
   * Starts an execution. As in Step Functions, a name already used gives the running execution
   * back when the input is the same, and ExecutionAlreadyExists otherwise.
   */
  start(id: string, input: unknown, name: string = randomUUID(), parentExecutionArn?: string): ExecutionHandle {
    const machine = this.machine(id);
    const executionArn = `arn:${this.account.partition}:states:${this.account.region}:${this.account.accountId}:execution:${machine.name}:${name}`;
    const existing = this.started.get(executionArn);
    if (existing !== undefined) {
      if (!existing.settled && existing.input === JSON.stringify(input)) return existing.handle;
      throw new ExecutionAlreadyExistsError(executionArn);
    }
    const startDate = new Date();
    const finished = this.execute(machine, input, name, executionArn, startDate, parentExecutionArn);
    const entry: StartedExecution = { input: JSON.stringify(input), handle: { executionArn, startDate, finished }, settled: false };
    this.started.set(executionArn, entry);
    this.running.add(finished);
    void finished.finally(() => {
      entry.settled = true;
      this.running.delete(finished);
    });
    return entry.handle;
  }

  /** An execution started in the harness, running or not. */
  execution(executionArn: string): ExecutionHandle | undefined {
    return this.started.get(executionArn)?.handle;
  }

  /** The record of a finished execution. */
  record(executionArn: string): ExecutionRecord | undefined {
    return this.executions.find((record) => record.executionArn === executionArn);
  }

  /** Waits until no execution is running (those started without waiting, too). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private async execute(machine: DeployedStateMachine, input: unknown, name: string, executionArn: string, startDate: Date, parentExecutionArn?: string): Promise<ExecutionRecord> {
    const { definition, itemReaders } = adaptForInterpreter(machine.definition);
    const itemHolder: Record<string, unknown> = {};
    const slots = new Map(itemReaders.map((reader) => [reader.readerStateName, reader.slot]));
    const deps: TaskIntegrationDeps = { ...this.deps, startExecution: (arn, childInput, parent) => this.start(arn, childInput, randomUUID(), parent) };
    const handlers: Record<string, TaskHandler> = {};
    for (const [stateName, state] of taskStates(definition)) {
      const slot = slots.get(stateName);
      const handler = taskHandlerFor(String(state.Resource), { stateName, executionArn, ...(slot === undefined ? {} : { itemSlot: { holder: itemHolder, slot } }) }, deps);
      handlers[stateName] = async (taskInput) => {
        const result = await handler(taskInput);
        checkStateDataSize(stateName, result);
        return result as never;
      };
    }
    const interpreter = new StateMachine(definition as never, { validationOptions: { checkArn: true, checkPaths: true } });
    const execution = interpreter.run(input as never, {
      overrides: { taskResourceLocalHandlers: handlers as never, retryIntervalOverrides: Object.fromEntries(statesWithRetry(definition).map((stateName) => [stateName, RETRY_WAIT_MS])) },
      context: {
        Execution: { Id: executionArn, Name: name, RoleArn: `arn:${this.account.partition}:iam::${this.account.accountId}:role/harness` },
        StateMachine: { Id: machine.arn, Name: machine.name },
        [ITEM_READER_CONTEXT_FIELD]: itemHolder,
      },
    });
    const events: ExecutionRecord['events'][number][] = [];
    const collecting = (async () => {
      for await (const event of execution.eventLogs) events.push(event as never);
    })();
    const base = { executionArn, stateMachineArn: machine.arn, name, input, startDate, events, ...(parentExecutionArn === undefined ? {} : { parentExecutionArn }) };
    let record: ExecutionRecord;
    try {
      const output = await execution.result;
      record = { ...base, status: 'SUCCEEDED', output, stopDate: new Date() };
    } catch (error) {
      record = { ...base, ...failureOf(error), stopDate: new Date() };
    }
    await collecting;
    this.executions.push(record);
    return record;
  }
}

function failureOf(error: unknown): Pick<ExecutionRecord, 'status' | 'error' | 'cause'> {
  if (error instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'the execution ran past the state machine\'s TimeoutSeconds' };
  const cause = error instanceof ExecutionError ? (error.cause as Error) : (error as Error);
  return { status: 'FAILED', error: cause.name, cause: cause.message };
}

/** The names of the states of a definition that have a Retry, nested ones included. */
function statesWithRetry(definition: AslDefinition): string[] {
  return statesOf(definition)
    .filter(([, state]) => Array.isArray(state.Retry) && state.Retry.length > 0)
    .map(([name]) => name);
}

/** Every Task state of a definition, nested ones (Map processors, Parallel branches) included; names must be unique. */
function taskStates(definition: AslDefinition): [string, AslState][] {
  const found: [string, AslState][] = [];
  for (const [name, state] of statesOf(definition)) {
    if (state.Type !== 'Task') continue;
    if (found.some(([seen]) => seen === name)) throw new Error(`two Task states are named ${name}: the interpreter's overrides go by name`);
    found.push([name, state]);
  }
  return found;
}

/** Every state of a definition, with those of its Map processors and Parallel branches. */
function statesOf(definition: AslDefinition): [string, AslState][] {
  return Object.entries(definition.States).flatMap(([name, state]): [string, AslState][] => {
    const processor = (state.ItemProcessor ?? state.Iterator) as AslDefinition | undefined;
    const nested = state.Type === 'Map' && processor !== undefined ? statesOf(processor) : state.Type === 'Parallel' ? (state.Branches as AslDefinition[]).flatMap(statesOf) : [];
    return [[name, state], ...nested];
  });
}
