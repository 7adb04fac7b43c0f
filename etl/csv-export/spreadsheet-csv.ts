/** CSV written for people to open in a spreadsheet (`ipstats query --format csv`, `ipstats classify`). */
import Papa from 'papaparse';
import { neutraliseFormula } from './formula-guard.ts';

/**
 * A header line and one line per row, LF throughout (papaparse's default is CRLF between rows)
 * and a final LF; every text cell, header names included, that a spreadsheet would read as a
 * formula is neutralised (formula-guard.ts).
 */
export function spreadsheetCsv(fields: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const data = rows.map((row) => row.map(neutraliseFormula));
  return `${Papa.unparse({ fields: fields.map(neutraliseFormula), data }, { newline: '\n' })}\n`;
}
