/**
 * Generated raw values for the SQL twin property tests: mostly built from the characters a field
 * is made of (so many are valid and many are near misses), sometimes any Unicode text, never
 * empty after trim (a twin only sees non-empty trimmed text).
 */
import fc from 'fast-check';
import { JS_TRIM_CHARACTERS } from '../../etl/schemas/sql/js-trim.ts';

export function fieldText(alphabets: readonly string[], maxLength = 24): fc.Arbitrary<string> {
  const fromAlphabet = alphabets.map((alphabet) => fc.string({ unit: fc.constantFrom(...Array.from(alphabet)), minLength: 1, maxLength }));
  return fc.oneof(...fromAlphabet, fc.string({ unit: 'grapheme', minLength: 1, maxLength })).filter((text) => text.trim() !== '' && text === text.trim() && !hasTrimCharacterAtEnds(text));
}

function hasTrimCharacterAtEnds(text: string): boolean {
  return JS_TRIM_CHARACTERS.includes(text[0]!) || JS_TRIM_CHARACTERS.includes(text.at(-1)!);
}
