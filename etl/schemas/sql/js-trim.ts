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

/** True when the code point `cp` (SQL INTEGER) is certainly not one String.prototype.trim removes. */
function notTrimmed(cp: string): string {
  return `(${cp} BETWEEN 33 AND 159 OR (${cp} > 12288 AND ${cp} <> 65279))`;
}

/** An RE2 pattern (DuckDB's regexp_matches) matching a text that ends with a character String.prototype.trim removes. */
const ENDS_WITH_TRIMMED = `[${Array.from(JS_TRIM_CHARACTERS, (character) => `\\x{${character.codePointAt(0)!.toString(16)}}`).join('')}]$`;

/**
 * sqlJsTrim, NULL for an empty result, with a fast path: a value whose first character is certainly
 * not white space (ASCII printable, or above U+3000 and not U+FEFF) and whose last is none of the
 * trimmed characters is its own trimmed text, so only the rare value with white space at an end
 * pays for the trim's character set. (The last character is tested by a regular expression: DuckDB's
 * `right(v, 1)` counts the whole text's characters and cost twice as much on a million rows.)
 */
export function sqlJsTrimmedOrNull(value: string): string {
  return `(CASE WHEN ${notTrimmed(`ord(${value})`)} AND NOT regexp_matches(${value}, ${sqlString(ENDS_WITH_TRIMMED)}) THEN ${value} ELSE NULLIF(${sqlJsTrim(value)}, '') END)`;
}
