/** parse/half-width.ts in SQL: full-width forms U+FF01–FF5E and the ideographic space → ASCII, one translate(). */
import { sqlString } from './sql-field-twin.ts';

const FULL_WIDTH = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, index) => String.fromCharCode(0xff01 + index)).join('') + '\u3000';
const ASCII = Array.from({ length: 0x7e - 0x21 + 1 }, (_, index) => String.fromCharCode(0x21 + index)).join('') + ' ';

export function sqlHalfWidth(value: string): string {
  return `translate(${value}, ${sqlString(FULL_WIDTH)}, ${sqlString(ASCII)})`;
}
