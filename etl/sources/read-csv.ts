/**
 * Streams CSV records out of decoded text with papaparse, a batch at a time. The batch handler
 * runs synchronously inside papaparse's data handler, so memory stays flat whatever the file
 * size: the next chunk is parsed only after the previous batch has been handled.
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';

export interface CsvReadSummary {
  readonly delimiter: string;
  readonly linebreak: string;
}

/** The delimiter and line break of a file, when known before parsing (guess-csv-dialect.ts). */
export interface CsvDialect {
  readonly delimiter: string;
  readonly newline: '\n' | '\r\n' | '\r';
}

export const DELIMITERS_TO_GUESS = [',', '\t'];

/** A record whose every field is blank (papaparse's 'greedy' empty line): not a record. */
function isBlankRecord(record: readonly string[]): boolean {
  for (const field of record) if (field.trim() !== '') return false;
  return true;
}

/** Drops blank records; allocates a new batch only when there is one to drop (rarely). */
function withoutBlankRecords(records: string[][]): string[][] {
  for (let index = 0; index < records.length; index++) {
    if (isBlankRecord(records[index]!)) return records.filter((record) => !isBlankRecord(record));
  }
  return records;
}

export class CsvSyntaxError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Calls `onRecords` with consecutive batches of records (arrays of field strings); the first
 * record of the file is the header. Blank lines (also whitespace-only ones) are not records.
 * With a known `dialect` (guess-csv-dialect.ts) nothing is guessed, and blank records are
 * dropped here by a check that stops at the first non-blank field, rather than by papaparse
 * joining every record ('greedy'), which cost about a tenth of the parse.
 */
export async function readCsvRecords(text: Readable, onRecords: (records: string[][]) => void, dialect?: CsvDialect): Promise<CsvReadSummary> {
  if (dialect !== undefined) return parseStream(text, dialect, onRecords);
  const { head, rest } = await peekFirstLine(text);
  return parseStream(rest, lineBreakOf(head), onRecords);
}

/** The line break of the first line: CRLF, LF, or (old Mac exports) a lone CR. */
export function lineBreakOf(text: string): '\r\n' | '\n' | '\r' {
  const lineFeed = text.indexOf('\n');
  if (lineFeed === -1) return text.includes('\r') ? '\r' : '\n';
  return lineFeed > 0 && text[lineFeed - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * papaparse guesses the line break from its first chunk only; a chunk that ends inside the
 * header line would make it guess wrong. Reading up to the first line feed first settles it.
 */
async function peekFirstLine(text: Readable): Promise<{ head: string; rest: Readable }> {
  const iterator = text[Symbol.asyncIterator]() as AsyncIterator<string>;
  let head = '';
  let done = false;
  while (!head.includes('\n')) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
  }
  async function* replay(): AsyncGenerator<string> {
    if (head !== '') yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, rest: Readable.from(replay(), { objectMode: false, encoding: 'utf8' }) };
}

function parseStream(text: Readable, dialectOrNewline: CsvDialect | CsvDialect['newline'], onRecords: (records: string[][]) => void): Promise<CsvReadSummary> {
  const dialect = typeof dialectOrNewline === 'string' ? undefined : dialectOrNewline;
  const dialectOptions =
    dialect === undefined
      ? { newline: dialectOrNewline as CsvDialect['newline'], skipEmptyLines: 'greedy' as const, delimitersToGuess: DELIMITERS_TO_GUESS }
      : { newline: dialect.newline, delimiter: dialect.delimiter, skipEmptyLines: true };
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      text.destroy();
      reject(error instanceof Error ? error : new CsvSyntaxError(String(error)));
    };
    let summary: CsvReadSummary = { delimiter: ',', linebreak: '\n' };
    text.on('error', fail);
    Papa.parse<string[]>(text as unknown as File, {
      header: false,
      ...dialectOptions,
      chunk(results) {
        summary = { delimiter: results.meta.delimiter, linebreak: results.meta.linebreak };
        const fatal = results.errors.find((error) => error.type === 'Quotes');
        if (fatal) {
          fail(new CsvSyntaxError(`CSV syntax: ${fatal.message} (record ${(fatal.row ?? 0) + 1} of the chunk)`));
          return;
        }
        try {
          onRecords(dialect === undefined ? results.data : withoutBlankRecords(results.data));
        } catch (error) {
          fail(error);
        }
      },
      complete() {
        if (settled) return;
        settled = true;
        resolve(summary);
      },
      error(error) {
        fail(error);
      },
    });
  });
}
