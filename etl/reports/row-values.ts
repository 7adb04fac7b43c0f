/**
 * Typed reads of query result rows. A column of the wrong type means the mart and this code
 * disagree about the contract, so it is an error naming the query, the column and the value.
 */
import type { Row } from '../engines/query-engine.ts';

function fail(row: Row, column: string, expected: string, where: string): never {
  throw new Error(`${where}: column ${column} holds ${JSON.stringify(row[column])}; expected ${expected}`);
}

export function stringAt(row: Row, column: string, where: string): string {
  const value = row[column];
  return typeof value === 'string' ? value : fail(row, column, 'a string', where);
}

export function numberAt(row: Row, column: string, where: string): number {
  const value = row[column];
  return typeof value === 'number' ? value : fail(row, column, 'a number', where);
}

export function booleanAt(row: Row, column: string, where: string): boolean {
  const value = row[column];
  return typeof value === 'boolean' ? value : fail(row, column, 'a boolean', where);
}

/** An exact decimal: engines return DECIMAL as a string; an integer column is accepted as its digits. */
export function decimalAt(row: Row, column: string, where: string): string {
  const value = row[column];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return fail(row, column, 'an exact decimal', where);
}
