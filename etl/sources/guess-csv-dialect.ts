/**
 * Settles a file's delimiter and line break from its first line, so that every part of a file
 * split for parallel parsing (split-byte-ranges.ts) parses with the file's dialect.
 *
 * The delimiter is sniffed from the header line alone — the line every file has, whose cells are
 * column names, never values: the candidate (comma, tab, semicolon, pipe) found most often
 * outside quotes; on a tie, the earlier in that list. A header without any of them is one column
 * read with commas; its header then lacks columns, and the rejection says no delimiter was found.
 */
import type { CsvDialect } from './read-csv.ts';

const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'] as const;

/** The first line of the text (up to its line break), quotes and all. */
function firstLineOf(text: string, newline: CsvDialect['newline']): string {
  const end = text.indexOf(newline === '\r\n' ? '\n' : newline);
  const line = end === -1 ? text : text.slice(0, end);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** How often each candidate delimiter occurs outside quotes in a line. */
function delimiterCounts(line: string): Map<string, number> {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return counts;
}

function sniffDelimiter(headerLine: string): string {
  let best: string = CANDIDATE_DELIMITERS[0];
  let bestCount = 0;
  for (const [delimiter, count] of delimiterCounts(headerLine)) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The line break that ends the first line: CRLF, LF, or (old Mac exports) a lone CR; LF when
 * there is none. A break inside quotes is part of a value, not a line break: a file whose lines
 * end with CR can hold a value with a line feed in it.
 */
function lineBreakOf(text: string): '\r\n' | '\n' | '\r' {
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (char === 0x0a) return '\n';
    else if (char === 0x0d) return text.charCodeAt(index + 1) === 0x0a ? '\r\n' : '\r';
  }
  return '\n';
}

export function guessCsvDialect(sampleText: string): CsvDialect {
  const newline = lineBreakOf(sampleText);
  return { delimiter: sniffDelimiter(firstLineOf(sampleText, newline)), newline };
}
