/**
 * The bench's `bad5` file: the `utf8` patent_events file with every 20th data row (5 %) broken
 * by one field VALUE, still well-formed CSV with the same number of fields: an impossible date,
 * a wrong application-number check digit, an unknown enumeration word, a negative or garbled
 * amount, or an empty required value, in turn; the replacement values are drawn from the seed.
 * Ingestion must reject exactly these rows, so the bench checks `rows.rejected`.
 *
 * Decision for step (c): on this file DuckDB reads every column as VARCHAR (typed, it would stop
 * at the first bad date or amount). Only this file: utf8 and gb18030 keep the typed read, so their
 * ratios stay comparable with earlier runs. On bad5 the b/c ratio is therefore against DuckDB
 * reading text, the cheaper yardstick (no date or decimal parsing), as the ingestion reads text too.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { SeededRandom } from '../../sample/seeded-random.ts';

/** One data row in this many is broken: the 20th, 40th, … */
export const BROKEN_ROW_EVERY = 20;
export const BREAKAGE_KINDS = ['impossible_date', 'bad_application_no_check', 'unknown_enum', 'bad_amount', 'empty_required'] as const;
export type BreakageKind = (typeof BREAKAGE_KINDS)[number];

export function brokenRowCount(rows: number): number {
  return Math.floor(rows / BROKEN_ROW_EVERY);
}

/** The kind of the data row at 0-based `index`, or undefined if it stays clean. */
export function breakageOf(index: number): BreakageKind | undefined {
  const nth = (index + 1) / BROKEN_ROW_EVERY;
  return Number.isInteger(nth) ? BREAKAGE_KINDS[(nth - 1) % BREAKAGE_KINDS.length] : undefined;
}

// Columns 0–4 and the last are written by patent-events-stream.ts without commas or quotes;
// only the party names in between may be quoted, and they are never touched.
const EVENT_ID = 0;
const APPLICATION_NO = 1;
const EVENT_TYPE = 2;
const LICENCE_TYPE = 3;
const EFFECTIVE_DATE = 4;
const LEADING = 5;

const BAD_MONTH_DAYS = ['13-45', '02-30', '04-31', '00-10'];
const CHECK_CHARACTERS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'];

/** Breaks one field of a clean data line. */
export function breakLine(line: string, kind: BreakageKind, random: SeededRandom): string {
  const lastComma = line.lastIndexOf(',');
  const head: string[] = [];
  let from = 0;
  for (let field = 0; field < LEADING; field++) {
    const comma = line.indexOf(',', from);
    head.push(line.slice(from, comma));
    from = comma + 1;
  }
  const middle = line.slice(from, lastComma);
  let amount = line.slice(lastComma + 1);
  switch (kind) {
    case 'impossible_date':
      head[EFFECTIVE_DATE] = `${head[EFFECTIVE_DATE]!.slice(0, 4)}-${random.pick(BAD_MONTH_DAYS)}`;
      break;
    case 'bad_application_no_check': {
      const number = head[APPLICATION_NO]!;
      const check = number.slice(-1);
      head[APPLICATION_NO] = number.slice(0, -1) + random.pick(CHECK_CHARACTERS.filter((character) => character !== check));
      break;
    }
    case 'unknown_enum':
      // A licence row breaks its licence type, so that event_type stays valid for the licence rule.
      if (head[LICENCE_TYPE] === '') head[EVENT_TYPE] = random.pick(['pledge', '质押', 'assignment?']);
      else head[LICENCE_TYPE] = random.pick(['partial', '部分许可', 'semi-exclusive']);
      break;
    case 'bad_amount':
      amount = amount !== '' && random.chance(0.5) ? `-${amount}` : `${(amount || '1200').slice(0, -2)}O0`;
      break;
    case 'empty_required':
      head[random.pick([EVENT_ID, APPLICATION_NO, EFFECTIVE_DATE])] = '';
      break;
  }
  return `${head.join(',')},${middle},${amount}`;
}

export interface Bad5Result {
  readonly rows: number;
  readonly broken: number;
  readonly bytes: number;
}

/** Streams `cleanPath` to `bad5Path`, breaking every 20th data row; memory stays flat. */
export async function writeBad5File(cleanPath: string, bad5Path: string, seed: number): Promise<Bad5Result> {
  const random = new SeededRandom(seed).fork('bench-bad5');
  const out = createWriteStream(bad5Path);
  let rows = 0;
  let broken = 0;
  let bytes = 0;
  let header = true;
  let rest = '';
  const convert = (line: string): string => {
    if (header) {
      header = false;
      return line;
    }
    const kind = breakageOf(rows++);
    if (kind === undefined) return line;
    broken++;
    return breakLine(line, kind, random);
  };
  try {
    for await (const chunk of createReadStream(cleanPath, { encoding: 'utf8', highWaterMark: 1024 * 1024 })) {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop()!;
      const text = lines.map(convert).join('\n') + '\n';
      const buffer = Buffer.from(lines.length === 0 ? '' : text, 'utf8');
      bytes += buffer.length;
      if (!out.write(buffer)) await once(out, 'drain');
    }
    if (rest !== '') throw new Error(`writeBad5File: ${cleanPath} does not end with a line feed`);
  } finally {
    out.end();
  }
  await finished(out);
  return { rows, broken, bytes };
}
