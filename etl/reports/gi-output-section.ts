/**
 * The report's gi_output section: output of authorised users carrying the GI special mark,
 * January to the report month, in total, under the promotion project, and per product.
 * Null totals (and no products) when a month of the year to date is outside gi_output coverage,
 * with the reason in `null_reasons`; inside coverage, no marked output is a true 0.
 */
import { coverageGap, jointCoverage, type CoverageByDataset } from './coverage.ts';
import { centsToYuan, parseCents } from './exact-decimal.ts';
import { INDICATORS } from './indicators.ts';
import { firstMonthOfYear, monthIndex, yearOf } from './period.ts';
import type { GiOutputSection } from './report-schema.ts';
import type { GiOutputInput } from './report-inputs.ts';

interface ProductTotal {
  name: string;
  inPromotionProject: boolean;
  cents: bigint;
}

export function giOutputSection(input: GiOutputInput, coverage: CoverageByDataset, cityCode: string, period: string): GiOutputSection {
  const year = yearOf(period);
  const yearStart = firstMonthOfYear(year);
  const gap = coverageGap(jointCoverage(INDICATORS.gi_output_value_cny.governingDatasets, coverage), yearStart, period);
  if (gap !== null) {
    return { year, ytd_promotion_project_cny: null, ytd_all_cny: null, by_product: [], null_reasons: { ytd_promotion_project_cny: gap, ytd_all_cny: gap } };
  }

  const products = new Map<string, ProductTotal>();
  const first = monthIndex(yearStart);
  const last = monthIndex(period);
  for (const row of input.monthly) {
    const index = monthIndex(row.month);
    if (index < first || index > last) continue;
    const cents = parseCents(row.outputValueCny, `city ${cityCode} gi_output ${row.giId} ${row.month}`);
    const product = products.get(row.giId) ?? { name: row.giName, inPromotionProject: row.inPromotionProject, cents: 0n };
    product.cents += cents;
    products.set(row.giId, product);
  }

  const users = new Map(input.usersYearToDate.map((row) => [row.giId, row.users]));
  let allCents = 0n;
  let promotionCents = 0n;
  const byProduct = [...products.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([giId, product]) => {
      allCents += product.cents;
      if (product.inPromotionProject) promotionCents += product.cents;
      const userCount = users.get(giId);
      if (userCount === undefined) {
        throw new Error(`city ${cityCode} gi_output ${giId}: output reported in ${year} but no count of its users; the GI inputs disagree`);
      }
      return { gi_id: giId, name: product.name, in_promotion_project: product.inPromotionProject, ytd_cny: centsToYuan(product.cents), users: userCount };
    });
  return { year, ytd_promotion_project_cny: centsToYuan(promotionCents), ytd_all_cny: centsToYuan(allCents), by_product: byProduct, null_reasons: {} };
}
