/**
 * String.prototype.trim in SQL: JavaScript trims every WhiteSpace and LineTerminator code point
 * (ECMAScript §12.2, §12.3), DuckDB's one-argument trim only the ASCII space. parseFieldValue
 * trims before a parser sees the text, so the twins see the same text.
 */
import { sqlString } from './sql-field-twin.ts';

/** The code points String.prototype.trim removes (Unicode Zs, TAB VT FF, ZWNBSP, LF CR LS PS). */
export const JS_TRIM_CHARACTERS =
  '\u0009\u000A\u000B\u000C\u000D\u0020\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF';

export function sqlJsTrim(value: string): string {
  return `trim(${value}, ${sqlString(JS_TRIM_CHARACTERS)})`;
}
