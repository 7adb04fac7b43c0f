/**
 * The report's `patent_intensive` section and the `patent_intensive_value_added_cny` indicator,
 * for one city and report month (docs/patent-intensive.md). Pure and exact.
 *
 * - The year is the latest complete year (December at or before the report month) in which the
 *   city has enterprise accounts or industry accounts.
 * - The enterprise method is the headline when the city has enterprise accounts that year, else
 *   the industry method; both are shown when both exist, with their difference.
 * - Growth, CAGR and the indicator's annual series use the headline method in every year, so a
 *   growth rate never compares two methods; a year without that method's data is null.
 */
import { CATEGORY_CODES } from '../classification/categories.ts';
import { isDemonstrationVersion } from '../classification/demonstration.ts';
import { nationalFiguresAtOrBefore } from '../classification/national-figures.ts';
import { centsToYuan, microToNumber, numberToMicro, parseCents, ratioMicro } from './exact-decimal.ts';
import { cagrSinceBase, growthOf, publishFigures, type IndicatorFigures } from './indicator-figures.ts';
import { statusOfGrowth } from './indicator-status.ts';
import type { Target } from './indicators.ts';
import { known, missing, valueOf, type Figure, type NullReason } from './null-reasons.ts';
import { enterpriseMethod, industryMethod, type CentsByCategory, type EnterpriseMethodResult, type IndustryMethodResult } from './patent-intensive-methods.ts';
import type { PatentIntensiveClassRow, PatentIntensiveInput, PatentIntensiveYearRow } from './patent-intensive-inputs.ts';
import { latestCompleteYear, parsePeriod } from './period.ts';
import type { PatentIntensiveSection } from './report-schema.ts';

export interface PatentIntensiveCity {
  readonly code: string;
  readonly baseYear: number;
  readonly target: Target;
  /** @default {} */
  readonly partialShares?: Readonly<Record<string, number>>;
}

export interface PatentIntensiveFigures {
  readonly section: PatentIntensiveSection;
  readonly indicator: IndicatorFigures;
}

type Method = 'enterprise' | 'industry';

/** The accounts of one city, year by year, with both methods computed on demand. */
class CityYears {
  private readonly years: ReadonlyMap<number, PatentIntensiveYearRow>;
  private readonly classes: ReadonlyMap<number, PatentIntensiveClassRow[]>;

  constructor(
    input: PatentIntensiveInput,
    private readonly partialShares: Readonly<Record<string, number>>,
    private readonly where: string,
  ) {
    this.years = new Map(input.years.map((row) => [row.year, row]));
    const classes = new Map<number, PatentIntensiveClassRow[]>();
    for (const row of input.classes) classes.set(row.year, [...(classes.get(row.year) ?? []), row]);
    this.classes = classes;
  }

  has(year: number, method: Method): boolean {
    const row = this.years.get(year);
    if (row === undefined) return false;
    return method === 'enterprise' ? row.enterprisesWithAccounts > 0 : row.industryRows > 0;
  }

  /** The latest year ≤ lastYear with either method's data. */
  latestYear(lastYear: number): number | null {
    const candidates = [...this.years.keys()].filter((year) => year <= lastYear && (this.has(year, 'enterprise') || this.has(year, 'industry')));
    return candidates.length === 0 ? null : Math.max(...candidates);
  }

  enterprise(year: number): EnterpriseMethodResult | null {
    return this.has(year, 'enterprise') ? enterpriseMethod(this.classes.get(year) ?? [], `${this.where} ${year}`) : null;
  }

  industry(year: number): IndustryMethodResult | null {
    return this.has(year, 'industry') ? industryMethod(this.classes.get(year) ?? [], this.partialShares, `${this.where} ${year}`) : null;
  }

  total(year: number, method: Method): bigint | null {
    return (method === 'enterprise' ? this.enterprise(year) : this.industry(year))?.totalCents ?? null;
  }

  gdpCents(year: number): bigint | null {
    const gdp = this.years.get(year)?.gdpCny ?? null;
    return gdp === null ? null : parseCents(gdp, `${this.where} ${year} GDP`);
  }
}

export function patentIntensiveFigures(input: PatentIntensiveInput, city: PatentIntensiveCity, reportPeriod: string): PatentIntensiveFigures {
  const period = parsePeriod(reportPeriod);
  const version = input.classificationVersion;
  const lastYear = latestCompleteYear(period);
  const where = `city ${city.code} patent-intensive value added`;
  const data = new CityYears(input, city.partialShares ?? {}, where);
  const year = version === null ? null : data.latestYear(lastYear);
  const method: Method | null = year === null ? null : data.has(year, 'enterprise') ? 'enterprise' : 'industry';

  // Why a year has no figure: no classification, no accounts at all, or none of the headline method that year.
  const absentReason: NullReason = version === null ? 'no_classification' : method === null ? 'no_data' : 'not_covered';
  const totalOf = (y: number): Figure<bigint> => {
    const total = method === null ? null : data.total(y, method);
    return total === null ? missing(absentReason) : known(total);
  };
  const annual = new Map<number, Figure<bigint>>();
  for (let y = city.baseYear; y <= lastYear; y++) annual.set(y, totalOf(y));

  const notes = notesFor(version, year, lastYear);
  if (year === null || method === null) {
    const none = missing<bigint>(absentReason);
    return {
      section: emptySection(version, city.baseYear, notes, absentReason),
      indicator: indicatorFigures(annual, none, none, city.target, city.code, period),
    };
  }

  const enterprise = data.enterprise(year);
  const industry = data.industry(year);
  const headline = (method === 'enterprise' ? enterprise : industry)!;
  const total = headline.totalCents;
  const growth = growthOf(known(total), totalOf(year - 1));
  // The CAGR runs from the base year to the section's year, with the headline method in both.
  const cagr = cagrSinceBase(new Map([[city.baseYear, totalOf(city.baseYear)], [year, known(total)]]), city.baseYear, year);
  const gdp = data.gdpCents(year);
  const shareOfGdp: Figure<bigint> = gdp === null ? missing('not_covered') : gdp <= 0n ? missing('zero_base') : known(ratioMicro(total, gdp));
  if (enterprise !== null && industry !== null) notes.push('enterprise and industry accounts both exist for this year: the enterprise method is the headline, the industry method is shown beside it');
  if (industry !== null && industry.excludedPartialClasses.length > 0) {
    notes.push(`industry method: ${industry.excludedPartialClasses.length} partial class(es) left out (no configured share and none derivable): ${industry.excludedPartialClasses.map((c) => c.industryCode).join(', ')}`);
  }
  if (gdp === null) notes.push(`no GDP (city_accounts) for ${year}: share_of_gdp is null`);

  const national = nationalFiguresAtOrBefore(year);
  const section: PatentIntensiveSection = {
    year,
    method,
    value_added_cny: centsToYuan(total),
    share_of_gdp: ratioOf(shareOfGdp),
    growth: ratioOf(growth),
    by_category: yuanByCategory(headline.byCategory),
    classification_version: version,
    classification_is_demonstration: version === null ? null : isDemonstrationVersion(version),
    gdp_cny: gdp === null ? null : centsToYuan(gdp),
    base_year: city.baseYear,
    cagr_since_base: ratioOf(cagr),
    category_mix: categoryMix(headline.byCategory, total),
    enterprise_method:
      enterprise === null
        ? null
        : {
            value_added_cny: centsToYuan(enterprise.totalCents),
            by_category: yuanByCategory(enterprise.byCategory),
            counted_enterprises: enterprise.countedEnterprises,
            production_approach_enterprises: enterprise.productionApproachEnterprises,
          },
    industry_method: industry === null ? null : industrySection(industry),
    difference_cny: enterprise !== null && industry !== null ? centsToYuan(enterprise.totalCents - industry.totalCents) : null,
    national:
      national === undefined
        ? null
        : { year: national.year, value_added_cny: national.valueAddedCny, share_of_gdp: national.shareOfGdp, category_mix: { ...national.categoryMix }, source: national.source },
    notes,
    null_reasons: reasonsOf({ share_of_gdp: shareOfGdp, growth, cagr_since_base: cagr }),
  };
  return { section, indicator: indicatorFigures(annual, cagr, growth, city.target, city.code, period) };
}

function notesFor(version: string | null, year: number | null, lastYear: number): string[] {
  if (version === null) return ['no patent-intensive classification is loaded (dataset patent_intensive_classification): no figure can be computed'];
  const notes: string[] = [];
  if (isDemonstrationVersion(version)) notes.push(`computed from the DEMONSTRATION classification ${version}, not the official 2019 classification: not for publication`);
  if (year === null) notes.push(`no enterprise or industry accounts of the city for ${lastYear} or earlier`);
  return notes;
}

function yuanByCategory(cents: CentsByCategory): PatentIntensiveSection['by_category'] {
  return Object.fromEntries(CATEGORY_CODES.map((code) => [code, centsToYuan(cents[code])])) as PatentIntensiveSection['by_category'];
}

/** Each category's fraction of the total; null when the total is not positive (a mix of a loss means nothing). */
function categoryMix(cents: CentsByCategory, total: bigint): PatentIntensiveSection['category_mix'] {
  return Object.fromEntries(CATEGORY_CODES.map((code) => [code, total > 0n ? microToNumber(ratioMicro(cents[code], total)) : null])) as PatentIntensiveSection['category_mix'];
}

function industrySection(industry: IndustryMethodResult): NonNullable<PatentIntensiveSection['industry_method']> {
  return {
    value_added_cny: centsToYuan(industry.totalCents),
    by_category: yuanByCategory(industry.byCategory),
    partial_classes: industry.partialClasses.map((c) => ({
      industry_code: c.industryCode,
      category_code: c.categoryCode,
      industry_value_added_cny: centsToYuan(c.industryValueAddedCents),
      share: microToNumber(c.shareMicro),
      share_source: c.shareSource,
      value_added_cny: centsToYuan(c.valueAddedCents),
    })),
    excluded_partial_classes: industry.excludedPartialClasses.map((c) => ({
      industry_code: c.industryCode,
      category_code: c.categoryCode,
      industry_value_added_cny: centsToYuan(c.industryValueAddedCents),
      reason: c.reason,
    })),
  };
}

function emptySection(version: string | null, baseYear: number, notes: string[], reason: NullReason): PatentIntensiveSection {
  const nulls = Object.fromEntries(CATEGORY_CODES.map((code) => [code, null]));
  return {
    year: null,
    method: null,
    value_added_cny: null,
    share_of_gdp: null,
    growth: null,
    by_category: nulls as PatentIntensiveSection['by_category'],
    classification_version: version,
    classification_is_demonstration: version === null ? null : isDemonstrationVersion(version),
    gdp_cny: null,
    base_year: baseYear,
    cagr_since_base: null,
    category_mix: nulls as PatentIntensiveSection['category_mix'],
    enterprise_method: null,
    industry_method: null,
    difference_cny: null,
    national: null,
    notes,
    null_reasons: { year: reason, method: reason, value_added_cny: reason, share_of_gdp: reason, growth: reason, cagr_since_base: reason },
  };
}

/**
 * An annual indicator: month, its year-on-year growth, ytd and ytd_prev are not applicable; yoy_growth is the growth of
 * the section's year on the year before, which also decides `on_track` when the CAGR falls short.
 */
function indicatorFigures(annual: ReadonlyMap<number, Figure<bigint>>, cagr: Figure<bigint>, growth: Figure<bigint>, target: Target, cityCode: string, period: string): IndicatorFigures {
  const notApplicable = missing<bigint>('not_applicable');
  const status = statusOfGrowth({ cagrMicro: valueOf(cagr), yoyMicro: valueOf(growth), targetMicro: numberToMicro(target.value) });
  return publishFigures(
    { month: notApplicable, monthYoyGrowth: notApplicable, ytd: notApplicable, ytdPrev: notApplicable, yoyGrowth: growth, annual, cagrSinceBase: cagr, cumulative: notApplicable },
    { unit: 'cny', target, status, what: `city ${cityCode} indicator patent_intensive_value_added_cny`, period },
  );
}

function ratioOf(figure: Figure<bigint>): number | null {
  return figure.ok ? microToNumber(figure.value) : null;
}

function reasonsOf(figures: Readonly<Record<string, Figure<bigint>>>): Partial<Record<string, NullReason>> {
  return Object.fromEntries(Object.entries(figures).flatMap(([name, figure]) => (figure.ok ? [] : [[name, figure.reason]])));
}
