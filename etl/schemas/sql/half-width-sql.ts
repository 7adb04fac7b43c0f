/**
 * parse/half-width.ts in SQL: full-width forms U+FF01–FF5E and the ideographic space → ASCII, one
 * translate() — only for a value that has one: DuckDB's translate over a 95-character table costs
 * microseconds a value, a regular expression's look for the range a fraction of that.
 */
import { sqlString } from './sql-field-twin.ts';

const FULL_WIDTH = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, index) => String.fromCharCode(0xff01 + index)).join('') + '\u3000';
const ASCII = Array.from({ length: 0x7e - 0x21 + 1 }, (_, index) => String.fromCharCode(0x21 + index)).join('') + ' ';

export function sqlHalfWidth(value: string): string {
  return `(CASE WHEN regexp_matches(${value}, '[\\x{FF01}-\\x{FF5E}\\x{3000}]') THEN translate(${value}, ${sqlString(FULL_WIDTH)}, ${sqlString(ASCII)}) ELSE ${value} END)`;
}
