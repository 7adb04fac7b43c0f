/**
 * Months and years as real Excel dates: the first day at midnight UTC (exceljs writes a Date as
 * its UTC day, so the cell is that day wherever the workbook is built or opened), displayed with
 * a format that shows only the month or the year. A date filters, sorts and groups by year in a
 * pivot table; the text 'YYYY-MM' does not.
 */

/** Display formats: a month as 2025-06, a year as 2025. */
export const DATE_FORMAT = { month: 'yyyy-mm', year: 'yyyy' } as const;

/** 'YYYY-MM' → the first of the month, midnight UTC. */
export function firstOfMonth(period: string): Date {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (match === null) throw new Error(`${JSON.stringify(period)} is not a month: expected YYYY-MM`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** A year (2024 or '2024') → 1 January of it, midnight UTC. */
export function firstOfYear(year: number | string): Date {
  const value = Number(year);
  if (!Number.isInteger(value) || String(value) !== String(year).trim()) throw new Error(`${JSON.stringify(year)} is not a year`);
  return new Date(Date.UTC(value, 0, 1));
}
