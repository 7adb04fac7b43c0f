/**
 * What the patent-intensive section of a report is computed from: the rows of
 * mart_city_patent_intensive_annual and mart_city_patent_intensive_classes for one city and the
 * classification version in use, already typed. Money is an exact decimal string (yuan).
 */

/** One year of one city: which data exists, the enterprise-method total and GDP. */
export interface PatentIntensiveYearRow {
  readonly year: number;
  /** Enterprises of the city's register with accounts that year; > 0 means the enterprise method applies. */
  readonly enterprisesWithAccounts: number;
  /** Enterprise-method total; null when the city has no enterprise accounts that year. */
  readonly enterpriseValueAddedCny: string | null;
  /** industry_accounts rows of the city that year; > 0 means the industry method applies. */
  readonly industryRows: number;
  readonly gdpCny: string | null;
}

/** One patent-intensive class of the city in one year, by both methods. */
export interface PatentIntensiveClassRow {
  readonly year: number;
  readonly industryCode: string;
  readonly categoryCode: string;
  readonly partial: boolean;
  readonly enterpriseCount: number;
  readonly countedEnterpriseCount: number;
  readonly countedProductionApproachCount: number;
  /** Counted enterprises' value added (all of a full class, patent holders of a partial one); null without enterprises. */
  readonly enterpriseValueAddedCny: string | null;
  readonly enterpriseValueAddedAllCny: string | null;
  readonly enterpriseValueAddedHoldersCny: string | null;
  /** The bureau's value added of the whole class; null without an industry_accounts row. */
  readonly industryValueAddedCny: string | null;
}

export interface PatentIntensiveInput {
  /** The classification version the figures use; null when none is loaded (every figure is then null). */
  readonly classificationVersion: string | null;
  readonly years: readonly PatentIntensiveYearRow[];
  readonly classes: readonly PatentIntensiveClassRow[];
}

export const NO_PATENT_INTENSIVE_INPUT: PatentIntensiveInput = { classificationVersion: null, years: [], classes: [] };
