/**
 * Streams CSV records out of decoded text with papaparse, a batch at a time. The batch handler
 * runs synchronously inside papaparse's data handler, so memory stays flat whatever the file
 * size: the next chunk is parsed only after the previous batch has been handled.
 */
import type { Readable } from 'node:stream';
import Papa from 'papaparse';

export interface CsvReadSummary {
  readonly delimiter: string;
  readonly linebreak: string;
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
 */
export function readCsvRecords(text: Readable, onRecords: (records: string[][]) => void): Promise<CsvReadSummary> {
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
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', '\t'],
      chunk(results) {
        summary = { delimiter: results.meta.delimiter, linebreak: results.meta.linebreak };
        const fatal = results.errors.find((error) => error.type === 'Quotes');
        if (fatal) {
          fail(new CsvSyntaxError(`CSV syntax: ${fatal.message} (record ${(fatal.row ?? 0) + 1} of the chunk)`));
          return;
        }
        try {
          onRecords(results.data);
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
