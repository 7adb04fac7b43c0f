/**
 * Months of the sample, seasonality and date arithmetic on ISO date strings (UTC, no clock).
 */
import type { SeededRandom } from './seeded-random.ts';

export interface SampleMonth {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** Months since the first month of the sample (0 for the first). */
  readonly offset: number;
}

/**
 * Relative activity by month of the year: registries slow down around Chinese New Year
 * (February), during the National Day week (October), and rush to close the year in December.
 */
export const MONTHLY_SEASONALITY: readonly number[] = [0.95, 0.6, 1.05, 1.0, 1.0, 1.1, 0.95, 0.95, 1.05, 0.85, 1.05, 1.35];

export function parsePeriod(period: string): { readonly year: number; readonly month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (match === null) throw new Error(`period "${period}" is not written YYYY-MM`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function sampleMonths(endPeriod: string, count: number): SampleMonth[] {
  const end = parsePeriod(endPeriod);
  const endIndex = end.year * 12 + end.month - 1;
  const firstIndex = endIndex - count + 1;
  return Array.from({ length: count }, (_, offset) => {
    const index = firstIndex + offset;
    return { year: Math.floor(index / 12), month: (index % 12) + 1, offset };
  });
}

/** Calendar years whose twelve months all lie in the sample (annual accounts exist only for them). */
export function completeYears(months: readonly SampleMonth[]): number[] {
  const monthsPerYear = new Map<number, number>();
  for (const { year } of months) monthsPerYear.set(year, (monthsPerYear.get(year) ?? 0) + 1);
  return [...monthsPerYear].filter(([, count]) => count === 12).map(([year]) => year);
}

export function seasonality(month: number): number {
  return MONTHLY_SEASONALITY[month - 1] ?? 1;
}

/** Compound growth `offset` months after the start at `annualRate` a year. */
export function growthFactor(offset: number, annualRate: number): number {
  return Math.pow(1 + annualRate, offset / 12);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isoPeriod(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Registries work on weekdays: a weekend day is redrawn four times in five. */
export function randomWorkdayInMonth(random: SeededRandom, year: number, month: number): string {
  const lastDay = daysInMonth(year, month);
  let day = random.int(1, lastDay);
  for (let attempt = 0; attempt < 3; attempt++) {
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    if ((weekday !== 0 && weekday !== 6) || random.chance(0.2)) break;
    day = random.int(1, lastDay);
  }
  return isoDate(year, month, day);
}
