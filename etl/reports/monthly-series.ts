/**
 * A monthly series of one indicator for one city, indexed for window sums. Values are exact
 * decimals; months absent from the series are zero (coverage decides whether zero is true).
 */
import { parseCents } from './exact-decimal.ts';
import { monthIndex } from './period.ts';

export interface MonthlyValue {
  /** 'YYYY-MM' */
  readonly month: string;
  /** Exact decimal with at most 2 decimals, e.g. "1234.50". */
  readonly value: string;
}

export class MonthlySeries {
  private constructor(private readonly centsByMonthIndex: ReadonlyMap<number, bigint>) {}

  /** `what` names the series in errors (city and indicator). A month given twice is an error. */
  static from(values: readonly MonthlyValue[], what: string): MonthlySeries {
    const byMonth = new Map<number, bigint>();
    for (const { month, value } of values) {
      const index = monthIndex(month);
      if (byMonth.has(index)) {
        throw new Error(`${what}: month ${month} appears twice in the monthly series; expected one value per month`);
      }
      byMonth.set(index, parseCents(value, `${what} ${month}`));
    }
    return new MonthlySeries(byMonth);
  }

  /** Sum of the months from `from` to `to`, both included, in hundredths. */
  sum(from: string, to: string): bigint {
    const first = monthIndex(from);
    const last = monthIndex(to);
    let total = 0n;
    for (const [index, cents] of this.centsByMonthIndex) {
      if (index >= first && index <= last) total += cents;
    }
    return total;
  }
}
