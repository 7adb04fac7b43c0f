/**
 * CSV injection (OWASP "CSV Injection"): a spreadsheet opening a CSV reads a cell that starts
 * with `=`, `+`, `-` or `@` (and, in some, a tab or carriage return) as a formula, so a name such
 * as `=HYPERLINK("http://…")` in the data would run in the analyst's spreadsheet. Such a text
 * cell is written with a leading single quote, which makes the spreadsheet keep it as text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A plain decimal number (`-5`, `+3`, `-1234.50`, as DECIMAL values come from the engines): a
 * spreadsheet reads it as that number, never as a formula, so it is left as it is — quoting it
 * would turn an amount into text (the quote stays visible in a CSV cell).
 */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The value as a spreadsheet-safe cell: text that a spreadsheet would read as a formula gets a leading `'`. */
export function neutraliseFormula<T>(value: T): T | string {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
