/**
 * Report periods and month arithmetic. A month is written 'YYYY-MM' everywhere in the report
 * code; arithmetic is done on a month index (year × 12 + month − 1) so that ranges and
 * differences never go through Date and its time zones.
 */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export class PeriodError extends Error {
  constructor(
    message: string,
    readonly value: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PeriodError';
  }
}

/** Checks a report period ('YYYY-MM', month 01–12) and returns it unchanged. */
export function parsePeriod(value: string, what = 'period'): string {
  if (!MONTH_PATTERN.test(value)) {
    throw new PeriodError(`${what} ${JSON.stringify(value)} is not a month: expected YYYY-MM with month 01-12`, value);
  }
  return value;
}

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/** 'YYYY-MM' → year × 12 + (month − 1). */
export function monthIndex(month: string): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match) {
    throw new PeriodError(`month ${JSON.stringify(month)} is not a month: expected YYYY-MM with month 01-12`, month);
  }
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(month: string, count: number): string {
  return monthFromIndex(monthIndex(month) + count);
}

export function yearOf(month: string): number {
  return Math.floor(monthIndex(month) / 12);
}

/** 1–12. */
export function monthNumberOf(month: string): number {
  return (monthIndex(month) % 12) + 1;
}

export function firstMonthOfYear(year: number): string {
  return monthFromIndex(year * 12);
}

export function lastMonthOfYear(year: number): string {
  return monthFromIndex(year * 12 + 11);
}

/** Months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthsInRange(from: string, to: string): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** The latest calendar year whose December is at or before `period`. */
export function latestCompleteYear(period: string): number {
  return monthNumberOf(period) === 12 ? yearOf(period) : yearOf(period) - 1;
}

/** 'YYYY-MM' → 'YYYY-MM-01', the DATE the lake stores for a month. */
export function monthToDate(month: string): string {
  monthIndex(month);
  return `${month}-01`;
}

/** A DATE 'YYYY-MM-DD' (or a 'YYYY-MM' month) → its month 'YYYY-MM'. */
export function monthOfDate(date: string): string {
  const month = date.slice(0, 7);
  if (!MONTH_PATTERN.test(month) || (date.length !== 7 && !/^\d{4}-\d{2}-\d{2}/.test(date))) {
    throw new PeriodError(`date ${JSON.stringify(date)} is not a date: expected YYYY-MM-DD`, date);
  }
  return month;
}

/** 'YYYY-MM' → its last day, 'YYYY-MM-DD'. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = parsePeriod(month).split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${parsePeriod(month)}-${String(day).padStart(2, '0')}`;
}
