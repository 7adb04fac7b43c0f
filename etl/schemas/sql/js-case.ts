/**
 * String.prototype.toUpperCase / toLowerCase in SQL. DuckDB's upper() and lower() map one character
 * to one; JavaScript follows Unicode SpecialCasing, where some characters become several (ß → SS,
 * ﬀ → FF, İ → i̇ …), which can change a value's length or whether it matches. The expanding
 * characters are found once from JavaScript itself and mapped before DuckDB's function. (JavaScript's
 * one context-dependent mapping, final sigma in toLowerCase, is not reproduced: no parser accepts Greek.)
 */
import { sqlString } from './sql-field-twin.ts';

function expandingCharacters(convert: (char: string) => string): Map<string, string> {
  const map = new Map<string, string>();
  for (let codePoint = 0; codePoint <= 0x1ffff; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    const char = String.fromCodePoint(codePoint);
    const converted = convert(char);
    if ([...converted].length > 1) map.set(char, converted);
  }
  return map;
}

function caseFunction(convert: (char: string) => string, duckDbFunction: 'upper' | 'lower'): (value: string) => string {
  const expansions = expandingCharacters(convert);
  const map = `MAP {${[...expansions].map(([from, to]) => `${sqlString(from)}: ${sqlString(to)}`).join(', ')}}`;
  const anyExpanding = `[${[...expansions.keys()].map((char) => `\\x{${char.codePointAt(0)!.toString(16).toUpperCase()}}`).join('')}]`;
  // Character by character only when an expanding character is there: most values have none.
  return (value) =>
    `(CASE WHEN regexp_matches(${value}, ${sqlString(anyExpanding)}) THEN ${duckDbFunction}(array_to_string(list_transform(string_split(${value}, ''), c -> coalesce(${map}[c], c)), '')) ELSE ${duckDbFunction}(${value}) END)`;
}

export const sqlJsUpper = caseFunction((char) => char.toUpperCase(), 'upper');
export const sqlJsLower = caseFunction((char) => char.toLowerCase(), 'lower');
