/**
 * Text as a quoted CSS string, for the `content` of the printed running header, which carries the
 * city's name from the report: serialised as CSSOM's "serialize a string" does (control characters
 * and NUL escaped, `"` and `\` backslashed), and `<` escaped too, so no text can close the page's
 * inline `<style>` element (`</style>`).
 */
export function cssString(text: string): string {
  let body = '';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code === 0) body += '\uFFFD';
    else if (code < 0x20 || code === 0x7f || character === '<') body += `\\${code.toString(16)} `;
    else if (character === '"' || character === '\\') body += `\\${character}`;
    else body += character;
  }
  return `"${body}"`;
}
