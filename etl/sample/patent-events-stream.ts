/**
 * `writePatentEventsCsv`: a large, valid patent_events file for the benchmark (1,000,000 rows
 * ≈ 150 MB of UTF-8 with Chinese names in a few seconds). Rows are built from pools drawn once
 * from the sample world and written in chunks through a file stream that respects backpressure,
 * so memory stays flat whatever the row count.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { applicationNoCheckDigit } from '../schemas/parse/patent-application-no.ts';
import { CONFIGURABLE_CITIES } from './city-catalogue.ts';
import { csvField } from './csv-rendering.ts';
import { isoDate, daysInMonth } from './sample-calendar.ts';
import { PATENT_TYPE_DIGIT, type PatentType } from './sample-identifiers.ts';
import { buildSampleWorld, type SampleEntity } from './sample-world.ts';
import { SeededRandom } from './seeded-random.ts';
import { SAMPLE_SOURCE_COLUMNS } from './source-columns.ts';

export interface PatentEventsCsvResult {
  readonly rows: number;
  readonly bytes: number;
}

/** Rows per write: large enough to amortise the stream, small enough to keep memory flat (~1 MB). */
const ROWS_PER_CHUNK = 4_000;
const EVENT_YEARS = [2023, 2024, 2025] as const;
const PATENT_TYPES: readonly PatentType[] = ['invention', 'invention', 'utility_model', 'utility_model', 'design'];
const LICENCE_TYPES = ['exclusive', 'sole', 'ordinary', 'ordinary', 'ordinary', 'other'] as const;

interface Party {
  /** `name,uscc,type,admin_code` already quoted and joined. */
  readonly columns: string;
  readonly isSme: string;
}

/** Half the parties come without their USCC, as in CNIPA's recordal extracts (the column is optional). */
function party(entity: SampleEntity, index: number): Party {
  return {
    columns: [csvField(entity.name), index % 2 === 0 ? (entity.uscc ?? '') : '', entity.type, entity.adminCode].join(','),
    isSme: entity.isSme === null ? '' : String(entity.isSme),
  };
}

function workingDates(): string[] {
  const dates: string[] = [];
  for (const year of EVENT_YEARS) {
    for (let month = 1; month <= 12; month++) {
      for (let day = 1; day <= daysInMonth(year, month); day++) dates.push(isoDate(year, month, day));
    }
  }
  return dates;
}

export async function writePatentEventsCsv(filePath: string, rows: number, seed: number): Promise<PatentEventsCsvResult> {
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`writePatentEventsCsv: rows must be a whole number ≥ 0, got ${rows}`);
  // Every catalogue city, so that parties come from all over the country.
  const world = buildSampleWorld({ cities: CONFIGURABLE_CITIES.length, months: 13, rowsScale: 1, seed, endPeriod: '2025-12' });
  const random = new SeededRandom(seed).fork('patent-events-stream');
  const holders = world.everyCity.flatMap((city) => [...city.enterprises, ...city.universities, ...city.institutes, ...city.individuals.slice(0, 5)]).map(party);
  const takers = world.everyCity.flatMap((city) => city.enterprises).map(party);
  const dates = workingDates();
  const serials = new Map<string, number>();

  const stream = createWriteStream(filePath);
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    const buffer = Buffer.from(text, 'utf8');
    bytes += buffer.length;
    if (!stream.write(buffer)) await once(stream, 'drain');
  };
  try {
    await write(SAMPLE_SOURCE_COLUMNS.patent_events.map((column) => column.name).join(',') + '\n');
    for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(rows, start + ROWS_PER_CHUNK); i++) {
        const date = dates[random.int(0, dates.length - 1)]!;
        const filingYear = Number(date.slice(0, 4)) - random.int(1, 8);
        const type = PATENT_TYPES[random.int(0, PATENT_TYPES.length - 1)]!;
        const serialKey = `${filingYear}${PATENT_TYPE_DIGIT[type]}`;
        const serial = (serials.get(serialKey) ?? random.int(100_000, 900_000)) + random.int(1, 3);
        serials.set(serialKey, serial);
        const digits = serialKey + String(serial).padStart(7, '0');
        const licence = random.chance(0.35);
        const from = holders[random.int(0, holders.length - 1)]!;
        const to = takers[random.int(0, takers.length - 1)]!;
        const amount = random.chance(0.6) ? String(Math.round(random.logNormal(300_000, 1.2) / 100) * 100) : '';
        lines.push(
          `${licence ? 'X' : 'ZY'}${date.slice(0, 4)}${String(i + 1).padStart(9, '0')},${digits}.${applicationNoCheckDigit(digits)},${licence ? 'licence' : 'transfer'},${licence ? LICENCE_TYPES[random.int(0, LICENCE_TYPES.length - 1)] : ''},${date},${from.columns},${to.columns},${to.isSme},${amount}`,
        );
      }
      await write(lines.join('\n') + '\n');
    }
  } finally {
    stream.end();
  }
  await finished(stream);
  return { rows, bytes };
}
