/**
 * Waiting in the Athena engine: exponential backoff with jitter, for polling a running query and
 * for retrying calls that Athena throttled. Sleep and randomness are injected so tests run the
 * schedule instantly and deterministically.
 */
import { setTimeout as delay } from 'node:timers/promises';

/** Resolves after `ms`; rejects with the signal's reason when it fires first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal === undefined ? undefined : { signal });
};

export interface BackoffSettings {
  /** First delay. */
  readonly initialMs: number;
  /** No delay grows beyond this. */
  readonly maxMs: number;
}

/**
 * The delay before attempt `attempt + 1` (attempt counts from 0): base = initial × 2^attempt capped at
 * max, then "equal jitter" — half fixed, half random — so a poller never hammers the API and many
 * concurrent callers spread out.
 */
export function backoffDelay(settings: BackoffSettings, attempt: number, random: () => number): number {
  const base = Math.min(settings.maxMs, settings.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(base / 2 + random() * (base / 2));
}

/** Error names Athena and the AWS SDK use for a throttled call. */
const THROTTLING_ERROR_NAMES = new Set(['ThrottlingException', 'TooManyRequestsException', 'Throttling', 'RequestLimitExceeded']);

export function isThrottling(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const retryable = (error as { $retryable?: { throttling?: boolean } }).$retryable;
  return THROTTLING_ERROR_NAMES.has(error.name) || retryable?.throttling === true;
}

export interface RetrySettings extends BackoffSettings {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
}

export interface RetryContext {
  readonly settings: RetrySettings;
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly signal?: AbortSignal;
}

/** Runs `call`, retrying it with backoff while it fails by throttling; any other error is thrown at once. */
export async function retryThrottled<T>(call: () => Promise<T>, context: RetryContext): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isThrottling(error) || attempt + 1 >= context.settings.maxAttempts) throw error;
      await context.sleep(backoffDelay(context.settings, attempt, context.random), context.signal);
    }
  }
}
