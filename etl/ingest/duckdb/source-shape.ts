/**
 * What DuckDB's CSV reader cannot tell the ingestion, found by one streaming pass over the bytes
 * of a UTF-8 file (issue 14):
 *
 * - the line breaks in the file, to number the lines records start on (checked-rows-sql.ts counts
 *   the breaks inside records; blank lines, which neither reader counts as records, show up as a
 *   difference, and the file then goes the JavaScript way);
 * - whether every quote is where both readers agree on what it means. papaparse reads a quote in
 *   the middle of a field, or text after a closing quote, as it stands; DuckDB drops spaces around
 *   quoted fields or refuses the line. A file whose quotes all open a field right after a delimiter
 *   or line break, and close it right before one (doubled inside), reads the same in both;
 * - whether its line breaks are all of the dialect's kind (papaparse reads a lone CR in a LF file as
 *   text, DuckDB as a line break), and whether it holds a NUL byte (DuckDB's strings may not).
 *
 * The pass costs one `indexOf` per line break and per quote; a file without quotes pays only for
 * its lines.
 */
import { createReadStream } from 'node:fs';
import type { CsvDialect } from '../../sources/read-csv.ts';

export interface SourceShape {
  /** Line breaks of the dialect's kind (its last character: LF, or CR in CR-only files). */
  readonly breaks: number;
  /** The last byte is a line break. */
  readonly endsWithBreak: boolean;
  /** Why the file must be read the JavaScript way; null when DuckDB reads it the same. */
  readonly irregular: string | null;
  /** The file holds a quote character (without one, no field can hold a line break). */
  readonly quoted: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

function countByte(chunk: Buffer, byte: number): number {
  let count = 0;
  for (let at = chunk.indexOf(byte); at !== -1; at = chunk.indexOf(byte, at + 1)) count++;
  return count;
}

/** Counts `\r\n` pairs, the pair split across chunks included (`previousLast`: the byte before the chunk). */
function countCrLf(chunk: Buffer, previousLast: number): number {
  let count = previousLast === CR && chunk[0] === LF ? 1 : 0;
  for (let at = chunk.indexOf('\r\n'); at !== -1; at = chunk.indexOf('\r\n', at + 2)) count++;
  return count;
}

export async function scanSourceShape(filePath: string, dialect: CsvDialect): Promise<SourceShape> {
  const delimiter = dialect.delimiter.charCodeAt(0);
  if (dialect.delimiter.length !== 1 || delimiter > 0x7f) return { breaks: 0, endsWithBreak: false, irregular: `delimiter ${JSON.stringify(dialect.delimiter)}`, quoted: false };
  const fieldEnd = (byte: number | undefined) => byte === undefined || byte === delimiter || byte === LF || byte === CR;

  let lf = 0;
  let cr = 0;
  let crlf = 0;
  let last = -1;
  let inQuotes = false;
  /** A closing-or-doubled quote was the chunk's last byte: the next chunk's first byte decides. */
  let pendingQuote = false;
  let irregular: string | null = null;
  let offset = 0;
  let quoted = false;

  for await (const data of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) {
    const chunk = data as Buffer;
    if (irregular === null && chunk.indexOf(0) !== -1) irregular = 'a NUL byte';
    lf += countByte(chunk, LF);
    cr += countByte(chunk, CR);
    if (dialect.newline === '\r\n') crlf += countCrLf(chunk, last);
    if (irregular === null) {
      let at = 0;
      if (pendingQuote) {
        pendingQuote = false;
        if (chunk[0] === QUOTE) at = 1; // a doubled quote: still inside
        else if (fieldEnd(chunk[0])) inQuotes = false;
        else irregular = `text after a closing quote at byte ${offset}`;
      }
      while (irregular === null) {
        const quote = chunk.indexOf(QUOTE, at);
        if (quote === -1) break;
        quoted = true;
        if (!inQuotes) {
          const before = quote > 0 ? chunk[quote - 1] : last === -1 ? undefined : last;
          // At the start of the file (after a BOM), or after a delimiter or a line break.
          const opens = before === undefined || fieldEnd(before) || (offset + quote === 3 && before === 0xbf);
          if (!opens) {
            irregular = `a quote inside a field at byte ${offset + quote}`;
            break;
          }
          inQuotes = true;
          at = quote + 1;
        } else if (quote + 1 === chunk.length) {
          pendingQuote = true;
          break;
        } else if (chunk[quote + 1] === QUOTE) {
          at = quote + 2;
        } else if (fieldEnd(chunk[quote + 1])) {
          inQuotes = false;
          at = quote + 1;
        } else {
          irregular = `text after a closing quote at byte ${offset + quote}`;
        }
      }
    }
    last = chunk[chunk.length - 1] ?? last;
    offset += chunk.length;
  }
  if (irregular === null && inQuotes && !pendingQuote) irregular = 'a quoted field that does not end';
  if (irregular === null) {
    if (dialect.newline === '\n' && cr > 0) irregular = 'a carriage return in a file of line feeds';
    else if (dialect.newline === '\r' && lf > 0) irregular = 'a line feed in a file of carriage returns';
    else if (dialect.newline === '\r\n' && (crlf !== lf || crlf !== cr)) irregular = 'line breaks of more than one kind';
  }
  const breakByte = dialect.newline === '\r' ? CR : LF;
  return { breaks: breakByte === CR ? cr : lf, endsWithBreak: last === breakByte, irregular, quoted };
}
