/**
 * Deliberately bad rows, about 0.5% of each dataset, one defect per row, so that a test can
 * check that ingestion rejects exactly these rows (the tally goes to SAMPLE-MANIFEST.json).
 */
import { UNKNOWN_CITY_CODES } from './city-catalogue.ts';
import type { SampleFileFormat, SampleRecord } from './csv-rendering.ts';
import { addDays } from './sample-calendar.ts';
import { withWrongApplicationCheckDigit, withWrongUsccCheckChar } from './sample-identifiers.ts';
import type { SeededRandom } from './seeded-random.ts';

export const DEFECT_KINDS = [
  'bad_uscc_check',
  'bad_application_no_check',
  'impossible_date',
  'unknown_city_code',
  'missing_required',
  'bad_enum',
  'negative_amount',
  'date_order',
] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

export interface DefectRule {
  readonly kind: DefectKind;
  /** The column made bad (for date_order: the later date, set before the earlier one). */
  readonly column: string;
  applies(record: SampleRecord): boolean;
  apply(record: SampleRecord, random: SeededRandom, format: SampleFileFormat): void;
}

const IMPOSSIBLE_DAYS = ['02-30', '02-31', '04-31', '06-31', '09-31', '11-31'];

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

export function badUsccCheck(column: string): DefectRule {
  return {
    kind: 'bad_uscc_check',
    column,
    applies: (record) => isText(record[column]),
    apply: (record, random) => {
      record[column] = withWrongUsccCheckChar(record[column] as string, random);
    },
  };
}

export function badApplicationNoCheck(column: string): DefectRule {
  return {
    kind: 'bad_application_no_check',
    column,
    applies: (record) => isText(record[column]),
    apply: (record) => {
      record[column] = withWrongApplicationCheckDigit(record[column] as string);
    },
  };
}

/** A day that no month has (2023-02-30), or month 13 for a period column. */
export function impossibleDate(column: string, isPeriod = false): DefectRule {
  return {
    kind: 'impossible_date',
    column,
    applies: (record) => isText(record[column]),
    apply: (record, random) => {
      const year = (record[column] as string).slice(0, 4);
      record[column] = isPeriod ? `${year}-13` : `${year}-${random.pick(IMPOSSIBLE_DAYS)}`;
    },
  };
}

export function unknownCityCode(column: string): DefectRule {
  return {
    kind: 'unknown_city_code',
    column,
    applies: (record) => isText(record[column]),
    apply: (record, random) => {
      record[column] = random.pick(UNKNOWN_CITY_CODES);
    },
  };
}

export function missingRequired(column: string): DefectRule {
  return {
    kind: 'missing_required',
    column,
    applies: (record) => record[column] !== null && record[column] !== undefined,
    apply: (record) => {
      record[column] = null;
    },
  };
}

export function badEnum(column: string): DefectRule {
  return {
    kind: 'bad_enum',
    column,
    applies: (record) => isText(record[column]),
    apply: (record, _random, format) => {
      record[column] = { verbatim: format.chineseEnumerations ? '不详' : 'unknown' };
    },
  };
}

export function negativeAmount(column: string): DefectRule {
  return {
    kind: 'negative_amount',
    column,
    applies: (record) => typeof record[column] === 'bigint' && (record[column] as bigint) > 0n,
    apply: (record) => {
      record[column] = -(record[column] as bigint);
    },
  };
}

/** The later date (grant, registration, term end) set 1–90 days before the earlier one. */
export function dateOrder(earlierColumn: string, laterColumn: string): DefectRule {
  return {
    kind: 'date_order',
    column: laterColumn,
    applies: (record) => isText(record[earlierColumn]) && isText(record[laterColumn]),
    apply: (record, random) => {
      record[laterColumn] = addDays(record[earlierColumn] as string, -random.int(1, 90));
    },
  };
}

/** One bad row per 200, but at least one of each applicable kind. */
export function defectCount(rows: number, kinds: number): number {
  if (kinds === 0 || rows === 0) return 0;
  return Math.min(Math.max(kinds, Math.round(rows * 0.005)), Math.ceil(rows * 0.02));
}
