/**
 * Streams CSV records out of decoded text with papaparse, a batch at a time. The batch handler
 * runs synchronously inside papaparse's data handler, so memory stays flat whatever the file
 * size: the next chunk is parsed only after the previous batch has been handled.
 *
 * Every batch says where its records are (line-tracker.ts): the physical line of each record and
 * how many characters the batch was read from. A syntax error names its physical line.
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { guessCsvDialect } from './guess-csv-dialect.ts';
import { countBreaks, LineTracker } from './line-tracker.ts';
import { CsvSyntaxError } from './source-rejection.ts';

export interface CsvReadSummary {
  readonly delimiter: string;
  readonly linebreak: string;
  /** Line breaks in the text read: the lines of the text, less one when its last line has no break. */
  readonly lineBreaks: number;
}

/** The delimiter and line break of a file, when known before parsing (guess-csv-dialect.ts). */
export interface CsvDialect {
  readonly delimiter: string;
  readonly newline: '\n' | '\r\n' | '\r';
}

/** Where a batch's records are in the text. */
export interface RecordBatchPosition {
  /** Characters of text the batch's records were read from. */
  readonly chars: number;
  /** The physical line (1 = the first line of the text) on which the batch's record `index` starts. */
  lineOf(index: number): number;
}

/** A record whose every field is blank (an empty or whitespace-only line): not a record. */
function isBlankRecord(record: readonly string[]): boolean {
  for (const field of record) if (field.trim() !== '') return false;
  return true;
}

function innerBreaks(record: readonly string[], breakChar: string): number {
  let count = 0;
  for (const field of record) if (field.length > 0 && field.indexOf(breakChar) !== -1) count += countBreaks(field, breakChar);
  return count;
}

/**
 * A batch's records without blank ones, and where they are. The common batch — one line per
 * record, no blank line — costs nothing: its lines follow from its first. Any other batch gets its
 * lines counted record by record, only when a line is asked for.
 */
function positionedBatch(data: string[][], firstLine: number, breaksInBatch: number, chars: number, breakChar: string): { records: string[][]; position: RecordBatchPosition } {
  let blank = false;
  for (let index = 0; index < data.length; index++) {
    if (isBlankRecord(data[index]!)) {
      blank = true;
      break;
    }
  }
  if (!blank && breaksInBatch === data.length) return { records: data, position: { chars, lineOf: (index) => firstLine + index } };
  const kept: number[] = [];
  const records: string[][] = [];
  data.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    kept.push(index);
    records.push(record);
  });
  let lines: number[] | undefined;
  const lineOf = (index: number): number => {
    if (lines === undefined) {
      lines = [];
      let line = firstLine;
      for (const record of data) {
        lines.push(line);
        line += 1 + innerBreaks(record, breakChar);
      }
    }
    return lines[kept[index]!]!;
  };
  return { records, position: { chars, lineOf } };
}

/**
 * Calls `onRecords` with consecutive batches of records (arrays of field strings); the first
 * record of the file is the header. Blank lines (also whitespace-only ones) are not records.
 * Without a `dialect` (guess-csv-dialect.ts) it is settled from the first line.
 */
export async function readCsvRecords(text: Readable, onRecords: (records: string[][], position: RecordBatchPosition) => void, dialect?: CsvDialect): Promise<CsvReadSummary> {
  if (dialect !== undefined) return parseStream(text, dialect, onRecords);
  const { head, rest } = await peekFirstLine(text);
  return parseStream(rest, guessCsvDialect(head), onRecords);
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

const QUOTE_REASONS: Readonly<Record<string, string>> = {
  MissingQuotes: 'CSV syntax: the quoted field that starts on this line is never closed (a stray quote, or a closing quote missing)',
  InvalidQuotes: 'CSV syntax: the quoted field that starts on this line has a quote inside it that is not doubled (inside quotes, write " as "")',
};

function parseStream(text: Readable, dialect: CsvDialect, onRecords: (records: string[][], position: RecordBatchPosition) => void): Promise<CsvReadSummary> {
  const lines = new LineTracker(dialect.newline === '\r' ? '\r' : '\n');
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      text.destroy();
      reject(error instanceof Error ? error : new CsvSyntaxError(String(error)));
    };
    // Registered before papaparse's own listener, so every chunk is counted just before it is parsed.
    text.on('data', (chunk: string | Buffer) => lines.feed(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
    text.on('error', fail);
    /** Where the current batch starts: papaparse's position after the previous one. */
    let consumed = 0;
    Papa.parse<string[]>(text as unknown as File, {
      header: false,
      newline: dialect.newline,
      delimiter: dialect.delimiter,
      skipEmptyLines: false,
      chunk(results) {
        if (settled) return;
        const fatal = results.errors.find((error) => error.type === 'Quotes');
        if (fatal) {
          // The error's index is within the text parsed this time, which starts where the last batch ended.
          const line = lines.lineAt(consumed + (fatal.index ?? 0));
          fail(new CsvSyntaxError(QUOTE_REASONS[fatal.code] ?? `CSV syntax: ${fatal.message}`, { line }));
          return;
        }
        const end = results.meta.cursor;
        const batch = positionedBatch(results.data, lines.nextLine, lines.breaksUntil(end), end - consumed, lines.breakChar);
        lines.advance(end);
        consumed = end;
        try {
          if (batch.records.length > 0) onRecords(batch.records, batch.position);
        } catch (error) {
          fail(error);
        }
      },
      complete() {
        if (settled) return;
        settled = true;
        resolve({ delimiter: dialect.delimiter, linebreak: dialect.newline, lineBreaks: lines.totalBreaks });
      },
      error(error) {
        fail(error);
      },
    });
  });
}
