/**
 * Settles a file's delimiter and line break from its beginning, as readCsvRecords does without
 * a dialect (line break of the first line, delimiter guessed by papaparse), so that the parts
 * of a file split for parallel parsing (split-byte-ranges.ts) all parse with the file's dialect.
 */
import Papa from 'papaparse';
import { DELIMITERS_TO_GUESS, lineBreakOf, type CsvDialect } from './read-csv.ts';

export function guessCsvDialect(sampleText: string): CsvDialect {
  const newline = lineBreakOf(sampleText);
  const { meta } = Papa.parse<string[]>(sampleText, { header: false, newline, skipEmptyLines: 'greedy', delimitersToGuess: DELIMITERS_TO_GUESS, preview: 1 });
  return { delimiter: meta.delimiter, newline };
}
