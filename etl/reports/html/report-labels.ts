/**
 * Every word report.html, report.xlsx and index.html print, in Chinese and English, so the
 * renderers hold no language and a missing translation is a type error.
 */
import type { CoverageBasis } from '../coverage.ts';
import type { IndicatorStatus } from '../indicator-status.ts';
import type { NullReason } from '../null-reasons.ts';
import type { ReportLanguage } from '../format/report-language.ts';

export interface ReportLabels {
  readonly htmlLang: string;
  readonly reportTitle: (cityName: string, monthName: string) => string;
  readonly subtitle: string;
  readonly generatedAt: string;
  readonly classificationVersion: string;
  readonly classificationMissing: string;
  /** Appended to a demonstration classification version. */
  readonly demonstrationMark: string;
  readonly sections: {
    readonly scorecard: string;
    readonly trends: string;
    readonly patentIntensive: string;
    readonly giOutput: string;
    readonly highValuePatents: string;
    readonly dataQuality: string;
    readonly revisions: string;
    readonly countingRules: string;
  };
  readonly scorecard: {
    readonly indicator: string;
    readonly month: string;
    readonly ytd: string;
    readonly yoy: string;
    readonly cagr: string;
    readonly cumulative: string;
    readonly target: string;
    readonly status: string;
    readonly growthTarget: (percent: string) => string;
    readonly anyGrowth: string;
    readonly levelTarget: (level: string) => string;
  };
  readonly status: Readonly<Record<IndicatorStatus, string>>;
  /** The status mark when a status cannot be judged, by why (a true zero is never "no data"). */
  readonly statusNotJudged: (reason: NullReason) => string;
  /** Why a figure is null, one line each (the footnotes behind a "—"). */
  readonly nullReasons: Readonly<Record<NullReason, string>>;
  /** Heading of the footnotes that explain each "—". */
  readonly nullReasonsHeading: string;
  readonly trendTitles: {
    readonly transfers: string;
    readonly pledges: string;
    readonly contracts: string;
    readonly giOutput: string;
  };
  readonly trendNote: string;
  readonly patentIntensive: {
    readonly category: string;
    readonly cityValue: string;
    readonly cityShare: string;
    readonly nationalShare: (year: number) => string;
    readonly valueAdded: string;
    readonly shareOfGdp: string;
    /** The national share of GDP of a bulletin year, shown beside the city's. */
    readonly nationalShareOfGdp: (year: number) => string;
    readonly growth: string;
    readonly method: string;
    readonly methods: Readonly<Record<'enterprise' | 'industry', string>>;
    readonly year: string;
    readonly notYetComputed: string;
    readonly chartCity: string;
    readonly chartNation: string;
  };
  readonly categoryNames: Readonly<Record<string, string>>;
  readonly highValue: {
    readonly inventionInForce: string;
    readonly highValueInForce: string;
    readonly per10kResidents: string;
    readonly residentPopulation: (year: number | null) => string;
    readonly criterion: string;
    readonly patents: string;
    readonly criteria: Readonly<Record<'strategic_emerging' | 'overseas_family' | 'maintained_over_10_years' | 'high_pledge' | 'award', string>>;
    readonly asOf: (date: string) => string;
    readonly threshold: (amount: string) => string;
    readonly onceNote: string;
    readonly unitPatents: string;
    readonly unitPer10k: string;
  };
  readonly gi: {
    readonly product: string;
    readonly giId: string;
    readonly inPromotionProject: string;
    readonly ytd: string;
    readonly users: string;
    readonly yes: string;
    readonly no: string;
    readonly totalPromotion: string;
    readonly totalAll: string;
    readonly none: string;
    readonly notCovered: string;
  };
  readonly quality: {
    readonly dataset: string;
    readonly rowsRead: string;
    readonly rowsRejected: string;
    readonly rejectedShare: string;
    readonly latestPeriod: string;
    readonly total: string;
    readonly scopeNote: (cityName: string, monthName: string) => string;
    readonly coverage: string;
    readonly coverageBasis: Readonly<Record<CoverageBasis, string>>;
    readonly rowsCounted: string;
    readonly rowsInMonth: string;
    readonly rowsOutsideCoverage: string;
    readonly topRejectReasons: string;
    readonly noCoverage: string;
    readonly lakeHeading: string;
    readonly files: string;
    readonly rejectedWithoutCity: (rows: string) => string;
    /** The lead of the list of files rejected whole that nothing has followed. */
    readonly filesRejectedWhole: string;
    /** One such file: its dataset title, name, when and why. */
    readonly fileRejectedWhole: (dataset: string, file: string, rejectedAt: string, reason: string) => string;
  };
  readonly revisions: {
    readonly comparedWith: (monthName: string, generatedAt: string) => string;
    readonly none: string;
    readonly noChanges: (monthName: string) => string;
    readonly indicator: string;
    readonly period: string;
    readonly old: string;
    readonly new: string;
    readonly change: string;
    readonly sources: string;
    readonly noSource: string;
    readonly superseded: (rows: string) => string;
    readonly annual: (year: string) => string;
  };
  readonly countingRules: readonly string[];
  readonly missingNote: string;
  readonly index: {
    readonly title: (monthName: string) => string;
    readonly city: string;
    readonly statusCounts: string;
    readonly reports: string;
  };
  readonly indicatorName: (id: string) => string;
}

export type LabelsByLanguage = Readonly<Record<ReportLanguage, ReportLabels>>;
