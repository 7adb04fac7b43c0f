/**
 * JavaScript's `\s` as an RE2 character class: ECMAScript's WhiteSpace and LineTerminator, the
 * same code points String.prototype.trim removes. RE2's own `\s` is only [\t\n\f\r ], so a twin
 * of a JavaScript regex with `\s` spells the class out.
 */
import { JS_TRIM_CHARACTERS } from './js-trim.ts';

export const JS_WHITESPACE_CLASS = `[${Array.from(JS_TRIM_CHARACTERS, (char) => `\\x{${char.codePointAt(0)!.toString(16).toUpperCase()}}`).join('')}]`;
