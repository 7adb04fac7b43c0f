/**
 * National value added of patent-intensive industries (NBS/CNIPA bulletins), from
 * etl/reference/national_patent_intensive_va.csv (see patent_intensive.SOURCE.md), converted to
 * the report's units: 亿元 → yuan, percentages → fractions (6 decimals). A category a bulletin
 * does not publish is null, never 0; so is the value added of a year published as a share only.
 */
import { readReferenceCsv } from '../reference/read-reference-csv.ts';
import { parseCents } from '../reports/exact-decimal.ts';
import { movePoint } from '../reports/format/decimal-text.ts';
import { CATEGORY_CODES, isCategoryCode, type CategoryCode } from './categories.ts';

const FILE = 'national_patent_intensive_va.csv';
const HEADER = 'year,bulletin_date,scope,category_code,value_added_100m_cny,share_of_gdp_pct,share_of_total_pct,source';
const YUAN_PER_100M = 100_000_000n;

export interface NationalFigures {
  readonly year: number;
  readonly bulletinDate: string;
  /** Null when the year's figure gives only the share (2024: "share only" in the reference file). */
  readonly valueAddedCny: number | null;
  /** Fraction of GDP, e.g. 0.1304. */
  readonly shareOfGdp: number | null;
  /** Each category's fraction of the total, as published. */
  readonly categoryMix: Readonly<Record<CategoryCode, number | null>>;
  readonly source: string;
}

let byYear: ReadonlyMap<number, NationalFigures> | undefined;

/** The latest national figures for `year` or an earlier year; undefined when none is that old. */
export function nationalFiguresAtOrBefore(year: number): NationalFigures | undefined {
  byYear ??= load();
  const years = [...byYear.keys()].filter((candidate) => candidate <= year);
  return years.length === 0 ? undefined : byYear.get(Math.max(...years));
}

/** "11.97" (per cent) → 0.1197: the decimal point moves on the text (at most 2 decimals, checked), no double arithmetic. */
function percentToFraction(text: string, where: string): number | null {
  if (text === '') return null;
  parseCents(text, where);
  return Number(movePoint(text, -2));
}

function load(): ReadonlyMap<number, NationalFigures> {
  const totals = new Map<number, Omit<NationalFigures, 'categoryMix'>>();
  const mixes = new Map<number, Partial<Record<CategoryCode, number | null>>>();
  readReferenceCsv(FILE, HEADER).forEach((fields, index) => {
    const where = `${FILE} line ${index + 2}`;
    const [yearText = '', bulletinDate = '', scope = '', categoryCode = '', value = '', shareOfGdp = '', shareOfTotal = '', ...source] = fields;
    const year = Number(yearText);
    if (!Number.isInteger(year)) throw new Error(`${where}: year ${JSON.stringify(yearText)} is not a year`);
    if (scope === 'total') {
      totals.set(year, {
        year,
        bulletinDate,
        valueAddedCny: value === '' ? null : Number(parseCents(value, where) * (YUAN_PER_100M / 100n)),
        shareOfGdp: percentToFraction(shareOfGdp, where),
        source: source.join(','),
      });
    } else if (scope === 'category' && isCategoryCode(categoryCode)) {
      mixes.set(year, { ...mixes.get(year), [categoryCode]: percentToFraction(shareOfTotal, where) });
    } else {
      throw new Error(`${where}: expected scope "total", or "category" with a code 01–07; got ${JSON.stringify(scope)} ${JSON.stringify(categoryCode)}`);
    }
  });
  const figures = new Map<number, NationalFigures>();
  for (const [year, total] of totals) {
    const mix = mixes.get(year) ?? {};
    figures.set(year, { ...total, categoryMix: Object.fromEntries(CATEGORY_CODES.map((code) => [code, mix[code] ?? null])) as Record<CategoryCode, number | null> });
  }
  return figures;
}
