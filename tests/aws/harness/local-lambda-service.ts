/**
 * The local Lambda service: finds a function by name or ARN and runs its bundle in a sandbox
 * (run-bundled-function.ts), synchronously (what Step Functions does) or as an event (what S3
 * notifications do: two retries after a failure, then the event goes to the function's
 * dead-letter queue with Lambda's attributes). Reserved concurrency is enforced as Lambda does:
 * a synchronous call beyond it is throttled (TooManyRequestsException), an event waits its turn.
 * Every invocation is kept, with its logs, for the tests to read.
 *
 * Faults for retry tests are configured here, in the harness, and raised inside the sandbox:
 * the bundles run unchanged.
 */
import type { BundledFunction } from './bundled-function.ts';
import { runBundledFunction, type InjectedFault, type InvocationOutcome, type SandboxSettings } from './run-bundled-function.ts';

/** Fails the first `times` invocations of the functions whose logical id starts with `functionLogicalIdPrefix`. */
export type FaultRule = InjectedFault & {
  readonly functionLogicalIdPrefix: string;
  readonly times: number;
  /** Runs these invocations with this timeout instead of the template's (a hung call then times out in seconds). */
  readonly timeoutSeconds?: number;
};

export type InvocationType = 'RequestResponse' | 'Event';

export type InvokeResult = InvocationOutcome | { readonly status: 'throttled'; readonly requestId: null };

export interface InvocationRecord {
  readonly function: BundledFunction;
  readonly invocationType: InvocationType;
  readonly event: unknown;
  readonly fault?: InjectedFault;
  readonly result: InvokeResult;
}

export interface DeadLetter {
  readonly function: BundledFunction;
  readonly event: unknown;
  readonly outcome: InvocationOutcome;
}

export interface LocalLambdaServiceOptions {
  readonly sandbox: SandboxSettings;
  readonly faults?: readonly FaultRule[];
  /** Pause between the attempts of an event (Lambda waits about a minute, then two). @default 100 ms */
  readonly eventRetryDelayMs?: number;
  /** Delivers an event that failed every attempt to the function's dead-letter target. */
  readonly deliverDeadLetter: (letter: DeadLetter) => Promise<void>;
}

/** Lambda's attempts for an event: the first and two retries (no EventInvokeConfig in the templates). */
const EVENT_ATTEMPTS = 3;
const THROTTLED_EVENT_WAIT_MS = 50;

export class LocalLambdaService {
  readonly invocations: InvocationRecord[] = [];
  private readonly inFlight = new Map<string, number>();
  private readonly faultsLeft: Map<FaultRule, number>;

  constructor(
    readonly functions: readonly BundledFunction[],
    private readonly options: LocalLambdaServiceOptions,
  ) {
    this.faultsLeft = new Map((options.faults ?? []).map((rule) => [rule, rule.times]));
  }

  /** By function name, ARN (qualified ARNs too) or logical id prefix. */
  function(id: string): BundledFunction {
    const name = id.startsWith('arn:') ? (id.split(':')[6] ?? '') : id;
    const found =
      this.functions.find((fn) => fn.functionName === name) ??
      (id.startsWith('arn:') ? undefined : this.functions.find((fn) => fn.logicalId.startsWith(id)));
    if (found === undefined) throw new Error(`no bundled function ${id}; have ${this.functions.map((fn) => fn.logicalId).join(', ')}`);
    return found;
  }

  /** RequestResponse: one attempt, throttled beyond the reserved concurrency. */
  async invoke(id: string, event: unknown): Promise<InvokeResult> {
    const fn = this.function(id);
    if (!this.tryReserve(fn)) {
      const result = { status: 'throttled', requestId: null } as const;
      this.invocations.push({ function: fn, invocationType: 'RequestResponse', event, result });
      return result;
    }
    try {
      return await this.run(fn, event, 'RequestResponse');
    } finally {
      this.release(fn);
    }
  }

  /** Event: up to three attempts, then the dead-letter target; resolves with the last outcome. */
  async invokeEvent(id: string, event: unknown): Promise<InvocationOutcome> {
    const fn = this.function(id);
    let outcome: InvocationOutcome | undefined;
    for (let attempt = 1; attempt <= EVENT_ATTEMPTS; attempt += 1) {
      if (attempt > 1) await sleep(this.options.eventRetryDelayMs ?? 100);
      while (!this.tryReserve(fn)) await sleep(THROTTLED_EVENT_WAIT_MS);
      try {
        outcome = await this.run(fn, event, 'Event');
      } finally {
        this.release(fn);
      }
      if (outcome.status === 'succeeded') return outcome;
    }
    if (fn.deadLetterTargetArn !== undefined) await this.options.deliverDeadLetter({ function: fn, event, outcome: outcome! });
    return outcome!;
  }

  private async run(fn: BundledFunction, event: unknown, invocationType: InvocationType): Promise<InvocationOutcome> {
    const rule = this.takeFault(fn);
    const fault = rule === undefined ? undefined : injectedFaultOf(rule);
    const sandboxFn = rule?.timeoutSeconds === undefined ? fn : { ...fn, timeoutSeconds: rule.timeoutSeconds };
    const result = await runBundledFunction(sandboxFn, event, this.options.sandbox, fault);
    this.invocations.push({ function: fn, invocationType, event, result, ...(fault === undefined ? {} : { fault }) });
    return result;
  }

  /** Adds a fault for the invocations from now on. */
  injectFault(rule: FaultRule): void {
    this.faultsLeft.set(rule, rule.times);
  }

  private takeFault(fn: BundledFunction): FaultRule | undefined {
    for (const [rule, left] of this.faultsLeft) {
      if (left > 0 && fn.logicalId.startsWith(rule.functionLogicalIdPrefix)) {
        this.faultsLeft.set(rule, left - 1);
        return rule;
      }
    }
    return undefined;
  }

  private tryReserve(fn: BundledFunction): boolean {
    const running = this.inFlight.get(fn.functionName) ?? 0;
    if (fn.reservedConcurrentExecutions !== undefined && running >= fn.reservedConcurrentExecutions) return false;
    this.inFlight.set(fn.functionName, running + 1);
    return true;
  }

  private release(fn: BundledFunction): void {
    this.inFlight.set(fn.functionName, (this.inFlight.get(fn.functionName) ?? 1) - 1);
  }
}

/** What the sandbox raises for a rule (without the rule's selection and timeout). */
function injectedFaultOf(rule: FaultRule): InjectedFault {
  if (rule.when === 'hang-requests') return { when: rule.when, method: rule.method, pathIncludes: rule.pathIncludes };
  return { when: rule.when, error: rule.error, message: rule.message };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
