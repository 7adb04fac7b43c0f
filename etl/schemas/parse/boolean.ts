/** Booleans: true/false, 1/0, 是/否, Y/N, yes/no — case-insensitive, full-width allowed. */
import { toHalfWidth } from './half-width.ts';
import { ParseFailure, quote } from './parse-failure.ts';

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  ['是', true],
  ['否', false],
  ['y', true],
  ['n', false],
  ['yes', true],
  ['no', false],
]);

export function parseBoolean(raw: string, extraTrueWords: ReadonlySet<string> = new Set()): boolean | ParseFailure {
  const value = BOOLEAN_WORDS.get(raw) ?? BOOLEAN_WORDS.get(toHalfWidth(raw).toLowerCase());
  if (value !== undefined) return value;
  if (extraTrueWords.has(raw)) return true;
  return new ParseFailure('boolean_format', `expected true/false, 1/0, 是/否 or Y/N, got ${quote(raw)}`);
}
