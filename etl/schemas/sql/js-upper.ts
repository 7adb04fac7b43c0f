/**
 * String.prototype.toUpperCase in SQL. DuckDB's upper() maps one character to one; JavaScript
 * follows Unicode SpecialCasing, where some characters become several (ß → SS, ﬀ → FF, ŉ → ʼN …),
 * which changes a value's length and so a parser's verdict ("expected 18 characters, got 3").
 * The expanding characters are found once from JavaScript itself and mapped before upper().
 */
import { sqlString } from './sql-field-twin.ts';

function expandingCharacters(): Map<string, string> {
  const map = new Map<string, string>();
  for (let codePoint = 0; codePoint <= 0x1ffff; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    const char = String.fromCodePoint(codePoint);
    const upper = char.toUpperCase();
    if ([...upper].length > 1) map.set(char, upper);
  }
  return map;
}

const EXPANSIONS = expandingCharacters();
const EXPANSION_MAP = `MAP {${[...EXPANSIONS].map(([from, to]) => `${sqlString(from)}: ${sqlString(to)}`).join(', ')}}`;
const EXPANDING_CLASS = `[${[...EXPANSIONS.keys()].map((char) => `\\x{${char.codePointAt(0)!.toString(16).toUpperCase()}}`).join('')}]`;

export function sqlJsUpper(value: string): string {
  // Character by character only when an expanding character is there: most values have none.
  return `(CASE WHEN regexp_matches(${value}, ${sqlString(EXPANDING_CLASS)}) THEN upper(array_to_string(list_transform(string_split(${value}, ''), c -> coalesce(${EXPANSION_MAP}[c], c)), '')) ELSE upper(${value}) END)`;
}
