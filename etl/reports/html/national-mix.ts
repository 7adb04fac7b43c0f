/**
 * The national mix of patent-intensive value added by category (share of the total, NBS/CNIPA
 * bulletins), read from etl/reference/national_patent_intensive_va.csv. Reports show it beside
 * the city's own mix. Only bulletin years that give all seven categories are used: the 2020
 * and 2021 bulletins omit three, so a report for those years shows the 2019 mix. Percentages
 * become fractions on their decimal text (19.9 → 0.199), not by a double division (19.9 / 100
 * is 0.19899999999999998).
 */
import { readReferenceCsv } from '../../reference/read-reference-csv.ts';
import { movePoint, type DecimalInput } from '../format/decimal-text.ts';
import { PATENT_INTENSIVE_CATEGORIES } from '../report-schema.ts';

export const NATIONAL_VA_FILE = 'national_patent_intensive_va.csv';
const NATIONAL_VA_HEADER = 'year,bulletin_date,scope,category_code,value_added_100m_cny,share_of_gdp_pct,share_of_total_pct,source';

export interface NationalMix {
  readonly year: number;
  /** Fraction of the national total per category code ('01'…'07'). */
  readonly shares: Readonly<Record<string, number>>;
}

export interface NationalBulletinRow {
  readonly year: number;
  readonly categoryCode: string;
  /** Per cent of the national total as the bulletin prints it ("19.9"). */
  readonly shareOfTotalPct: DecimalInput;
}

const PERCENT_TEXT = /^\d+(\.\d+)?$/;

export function readNationalBulletinRows(): NationalBulletinRow[] {
  return readReferenceCsv(NATIONAL_VA_FILE, NATIONAL_VA_HEADER)
    .filter((fields) => fields[2] === 'category')
    .map((fields, index) => {
      const share = fields[6] ?? '';
      if (!PERCENT_TEXT.test(share)) {
        throw new Error(`${NATIONAL_VA_FILE} category row ${index + 1}: share_of_total_pct ${JSON.stringify(fields[6])} is not a number`);
      }
      return { year: Number(fields[0]), categoryCode: fields[3] ?? '', shareOfTotalPct: share };
    });
}

/** The mix of the latest complete bulletin year at or before `year` (any year when null); null when none. */
export function nationalMixFor(year: number | null, rows: readonly NationalBulletinRow[]): NationalMix | null {
  const byYear = new Map<number, Record<string, number>>();
  for (const row of rows) (byYear.get(row.year) ?? byYear.set(row.year, {}).get(row.year)!)[row.categoryCode] = Number(movePoint(row.shareOfTotalPct, -2));
  const complete = [...byYear.entries()]
    .filter(([bulletinYear, shares]) => (year === null || bulletinYear <= year) && PATENT_INTENSIVE_CATEGORIES.every((code) => code in shares))
    .sort(([a], [b]) => b - a);
  const [latest] = complete;
  return latest === undefined ? null : { year: latest[0], shares: latest[1] };
}
