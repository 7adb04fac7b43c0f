/**
 * Full-width forms (Ｕ+FF01–FF5E: ０-９, Ａ-Ｚ, （）, ，．／－ …) and the ideographic space
 * become ASCII. Codes, numbers and dates typed with a Chinese IME often carry them.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const FULL_WIDTH_ALL = /[\uFF01-\uFF5E\u3000]/g;
const FULL_TO_ASCII_OFFSET = 0xfee0;

function toAscii(char: string): string {
  const code = char.charCodeAt(0);
  return code === 0x3000 ? ' ' : String.fromCharCode(code - FULL_TO_ASCII_OFFSET);
}

export function toHalfWidth(text: string): string {
  // The test first: almost every value is already ASCII, and then no new string is made.
  return FULL_WIDTH.test(text) ? text.replace(FULL_WIDTH_ALL, toAscii) : text;
}
