/**
 * The status of an indicator against its target. All inputs are exact: ratios in millionths
 * (the 6 decimals the report shows, so the status agrees with the printed numbers), amounts in
 * hundredths.
 */
import { MICRO } from './exact-decimal.ts';

export const INDICATOR_STATUSES = ['met', 'on_track', 'behind', 'no_data'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** Months over which a cumulative target is expected to be reached: the three-year programme. */
export const PROGRAMME_MONTHS = 36;

export interface GrowthStatusInput {
  readonly cagrMicro: bigint | null;
  readonly yoyMicro: bigint | null;
  readonly targetMicro: bigint;
}

/**
 * met: CAGR since the base year ≥ target and > 0; on_track: otherwise, year-to-date growth
 * ≥ target and > 0 (a target of 0 means "any positive growth"); no_data: neither CAGR nor
 * year-to-date growth can be computed; behind: everything else.
 */
export function statusOfGrowth({ cagrMicro, yoyMicro, targetMicro }: GrowthStatusInput): IndicatorStatus {
  if (cagrMicro === null && yoyMicro === null) return 'no_data';
  if (cagrMicro !== null && cagrMicro >= targetMicro && cagrMicro > 0n) return 'met';
  if (yoyMicro !== null && yoyMicro >= targetMicro && yoyMicro > 0n) return 'on_track';
  return 'behind';
}

export interface CumulativeStatusInput {
  readonly cumulativeCents: bigint | null;
  readonly targetMicro: bigint;
  /** Months from January of the programme start year to the report month, both included. */
  readonly monthsElapsed: number;
}

/**
 * met: cumulative ≥ target; on_track: cumulative ≥ target × min(months elapsed ÷ 36, 1)
 * (a straight line over the three programme years); no_data: cumulative unknown; else behind.
 */
export function statusOfCumulative({ cumulativeCents, targetMicro, monthsElapsed }: CumulativeStatusInput): IndicatorStatus {
  if (cumulativeCents === null) return 'no_data';
  // Compare cumulative (hundredths) with target (millionths) on a common scale of 10^-6.
  const cumulativeMicro = cumulativeCents * (MICRO / 100n);
  if (cumulativeMicro >= targetMicro) return 'met';
  const elapsed = BigInt(Math.min(Math.max(monthsElapsed, 0), PROGRAMME_MONTHS));
  if (cumulativeMicro * BigInt(PROGRAMME_MONTHS) >= targetMicro * elapsed) return 'on_track';
  return 'behind';
}
