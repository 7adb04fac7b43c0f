/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * 0-9 A-H J-N P-R T U W-Y (no I O Z S V); the 18th is a check character over the first 17 with
 * weights 3^i mod 31, value = 31 − (Σ mod 31), 31 → 0. Normalised to upper case.
 */
import { toHalfWidth } from './half-width.ts';
import { ParseFailure, quote } from './parse-failure.ts';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const USCC_LENGTH = 18;
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CHAR_VALUE: ReadonlyMap<string, number> = new Map([...USCC_ALPHABET].map((char, index) => [char, index]));
/** Character code → value, for the check loop (no Map lookup per character). */
const VALUE_BY_CHAR_CODE = new Int8Array(128).fill(-1);
for (let index = 0; index < USCC_ALPHABET.length; index++) VALUE_BY_CHAR_CODE[USCC_ALPHABET.charCodeAt(index)] = index;
const MODULUS = 31;

/** The check character for the first 17 characters (which must be in the USCC alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < WEIGHTS.length; index++) sum += VALUE_BY_CHAR_CODE[first17.charCodeAt(index)]! * WEIGHTS[index]!;
  return USCC_ALPHABET[(MODULUS - (sum % MODULUS)) % MODULUS]!;
}

const UPPER_ASCII_SHAPE = /^[0-9A-Z]{18}$/;

export function parseUscc(raw: string): string | ParseFailure {
  // Most codes arrive upper-case already: skip the copy.
  const code = UPPER_ASCII_SHAPE.test(raw) ? raw : toHalfWidth(raw).toUpperCase();
  if (code.length !== USCC_LENGTH) {
    return new ParseFailure('uscc_length', `expected 18 characters, got ${code.length} (${quote(raw)})`);
  }
  if (!USCC_SHAPE.test(code)) {
    const bad = [...code].filter((char) => !CHAR_VALUE.has(char));
    return new ParseFailure('uscc_charset', `characters ${bad.map(quote).join(', ')} are not allowed (expected 0-9 and A-Z without I, O, Z, S, V) in ${quote(raw)}`);
  }
  const expected = usccCheckCharacter(code);
  const given = code[USCC_LENGTH - 1]!;
  if (given !== expected) {
    return new ParseFailure('uscc_check', `check character is ${given}, expected ${expected} (${code})`);
  }
  return code;
}
