/**
 * The two accounting methods for one city and year, from the class rows (docs/patent-intensive.md).
 * Pure and exact: money in fen (bigint), shares applied with rounding half away from zero to the fen.
 *
 * - Enterprise method: the sum of the counted enterprises' value added per class (the SQL already
 *   counts only patent holders in partial classes).
 * - Industry method: the bureau's value added per class; a partial class is weighted by a share:
 *   the city's configured share, else the share derived from the enterprise data (value added of
 *   patent-holding enterprises ÷ value added of all enterprises of the class), else it is excluded
 *   and listed with the reason.
 */
import { CATEGORY_CODES, isCategoryCode, type CategoryCode } from '../classification/categories.ts';
import { MICRO, divideRounded, numberToMicro, parseCents, ratioMicro } from './exact-decimal.ts';
import type { PatentIntensiveClassRow } from './patent-intensive-inputs.ts';

export type CentsByCategory = Record<CategoryCode, bigint>;

export interface EnterpriseMethodResult {
  readonly totalCents: bigint;
  readonly byCategory: CentsByCategory;
  readonly countedEnterprises: number;
  /** Counted enterprises valued by the production approach (income components absent). */
  readonly productionApproachEnterprises: number;
}

export type ShareSource = 'configured' | 'derived';

export interface WeightedPartialClass {
  readonly industryCode: string;
  readonly categoryCode: CategoryCode;
  readonly industryValueAddedCents: bigint;
  /** The share applied, in millionths (a derived share is applied exactly and shown rounded). */
  readonly shareMicro: bigint;
  readonly shareSource: ShareSource;
  readonly valueAddedCents: bigint;
}

export interface ExcludedPartialClass {
  readonly industryCode: string;
  readonly categoryCode: CategoryCode;
  readonly industryValueAddedCents: bigint;
  readonly reason: string;
}

export interface IndustryMethodResult {
  readonly totalCents: bigint;
  readonly byCategory: CentsByCategory;
  readonly partialClasses: readonly WeightedPartialClass[];
  readonly excludedPartialClasses: readonly ExcludedPartialClass[];
}

function zeroByCategory(): CentsByCategory {
  return Object.fromEntries(CATEGORY_CODES.map((code) => [code, 0n])) as CentsByCategory;
}

function categoryOf(row: PatentIntensiveClassRow, where: string): CategoryCode {
  if (!isCategoryCode(row.categoryCode)) throw new Error(`${where}: class ${row.industryCode} has category ${JSON.stringify(row.categoryCode)}; expected 01–07`);
  return row.categoryCode;
}

export function enterpriseMethod(classes: readonly PatentIntensiveClassRow[], where: string): EnterpriseMethodResult {
  const byCategory = zeroByCategory();
  let totalCents = 0n;
  let countedEnterprises = 0;
  let productionApproachEnterprises = 0;
  for (const row of classes) {
    if (row.enterpriseValueAddedCny === null) continue;
    const cents = parseCents(row.enterpriseValueAddedCny, `${where} class ${row.industryCode} enterprise value added`);
    byCategory[categoryOf(row, where)] += cents;
    totalCents += cents;
    countedEnterprises += row.countedEnterpriseCount;
    productionApproachEnterprises += row.countedProductionApproachCount;
  }
  return { totalCents, byCategory, countedEnterprises, productionApproachEnterprises };
}

export function industryMethod(
  classes: readonly PatentIntensiveClassRow[],
  configuredShares: Readonly<Record<string, number>>,
  where: string,
): IndustryMethodResult {
  const byCategory = zeroByCategory();
  let totalCents = 0n;
  const partialClasses: WeightedPartialClass[] = [];
  const excludedPartialClasses: ExcludedPartialClass[] = [];
  for (const row of [...classes].sort((a, b) => (a.industryCode < b.industryCode ? -1 : 1))) {
    if (row.industryValueAddedCny === null) continue;
    const category = categoryOf(row, where);
    const industryCents = parseCents(row.industryValueAddedCny, `${where} class ${row.industryCode} industry value added`);
    let valueCents = industryCents;
    if (row.partial) {
      const weighted = weightPartialClass(row, industryCents, configuredShares[row.industryCode], where);
      if ('reason' in weighted) {
        excludedPartialClasses.push({ industryCode: row.industryCode, categoryCode: category, industryValueAddedCents: industryCents, reason: weighted.reason });
        continue;
      }
      partialClasses.push({ industryCode: row.industryCode, categoryCode: category, industryValueAddedCents: industryCents, ...weighted });
      valueCents = weighted.valueAddedCents;
    }
    byCategory[category] += valueCents;
    totalCents += valueCents;
  }
  return { totalCents, byCategory, partialClasses, excludedPartialClasses };
}

type Weighting = { shareMicro: bigint; shareSource: ShareSource; valueAddedCents: bigint } | { reason: string };

function weightPartialClass(row: PatentIntensiveClassRow, industryCents: bigint, configured: number | undefined, where: string): Weighting {
  if (configured !== undefined) {
    const shareMicro = numberToMicro(configured);
    return { shareMicro, shareSource: 'configured', valueAddedCents: divideRounded(industryCents * shareMicro, MICRO) };
  }
  if (row.enterpriseValueAddedAllCny === null || row.enterpriseValueAddedHoldersCny === null) {
    return { reason: 'partial class without a configured share and without enterprise accounts to derive one' };
  }
  const all = parseCents(row.enterpriseValueAddedAllCny, `${where} class ${row.industryCode} enterprise value added`);
  const holders = parseCents(row.enterpriseValueAddedHoldersCny, `${where} class ${row.industryCode} patent holders' value added`);
  if (all <= 0n) return { reason: 'partial class without a configured share; its enterprises\' value added is not positive, so no share can be derived' };
  if (holders < 0n || holders > all) {
    return { reason: 'partial class without a configured share; the patent holders\' share of its enterprise value added is outside 0–1 (negative value added), so no share can be derived' };
  }
  return { shareMicro: ratioMicro(holders, all), shareSource: 'derived', valueAddedCents: divideRounded(industryCents * holders, all) };
}
