/**
 * Every word report.html, report.xlsx and index.html print, in Chinese and English, so the
 * renderers hold no language and a missing translation is a type error.
 */
import type { CoverageBasis } from '../coverage.ts';
import type { IndicatorStatus } from '../indicator-status.ts';
import type { NullReason } from '../null-reasons.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import type { CityFilledRow, Level1Group, Level2Group } from '../self-evaluation-rows.ts';
import type { SelfEvaluationFlag } from '../self-evaluation-schema.ts';
import type { ChartLabels } from './chart-labels.ts';

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
    readonly selfEvaluation: string;
    readonly countingRules: string;
    /** The appendix 指标解释, printed in Chinese in every language. */
    readonly methods: string;
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
    /** The column of the city's rank among the configured cities. */
    readonly rank: string;
    /** "第 2 / 6": the rank and the number of cities ranked. */
    readonly rankOf: (rank: number, of: number) => string;
    /** Under the scorecard: which cities the ranks compare, and on which figure. */
    readonly rankNote: (compared: readonly string[], missing: readonly string[]) => string;
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
  /** The performance self-evaluation grid (绩效自评表), in report.html and report.xlsx. */
  readonly selfEvaluation: SelfEvaluationLabels;
  readonly countingRules: readonly string[];
  readonly missingNote: string;
  readonly index: {
    readonly title: (monthName: string) => string;
    readonly city: string;
    readonly statusCounts: string;
    readonly reports: string;
    /** A configured city without a report for the month. */
    readonly noReport: string;
    readonly previousMonth: (monthName: string) => string;
    readonly nextMonth: (monthName: string) => string;
    /** Under the table: how to read a cell and how to sort. */
    readonly howToRead: string;
    /** The header of a rank-ordered column: the indicator and its compared figure. */
    readonly rankedBy: (indicator: string, field: string) => string;
    readonly fieldNames: { readonly ytd: string; readonly cumulative: string; readonly annual: (year: string) => string };
    /** Rows of the status counts: met, on track, behind, not judged. */
    readonly notJudged: string;
  };
  readonly indicatorName: (id: string) => string;
  /** Chart captions, text alternatives and data tables (chart-labels.ts). */
  readonly charts: ChartLabels;
}

export interface SelfEvaluationLabels {
  /** The form's title: city, year and the month the year to date runs to. */
  readonly title: (cityName: string, year: number, monthNumber: number) => string;
  readonly level1: Readonly<Record<Level1Group, string>>;
  readonly level2: Readonly<Record<Level2Group, string>>;
  /** 三级指标 of the rows the city fills. */
  readonly cityRows: Readonly<Record<CityFilledRow, string>>;
  readonly columns: {
    readonly level1: string;
    readonly level2: string;
    readonly level3: string;
    readonly unit: string;
    /** The merged header over the two target columns. */
    readonly targets: string;
    readonly annualTarget: string;
    readonly targetToDate: (monthNumber: number) => string;
    readonly actual: string;
    readonly completionRate: string;
    readonly points: string;
    readonly score: string;
    readonly deviation: string;
  };
  readonly units: Readonly<Record<'count' | 'cny' | 'ratio', string>>;
  /** The 偏差原因 cell's pre-filled prompt, by flag. */
  readonly flags: Readonly<Record<SelfEvaluationFlag, string>>;
  /** The year an annual figure refers to, when it is not the report's year. */
  readonly yearOf: (year: number) => string;
  readonly total: string;
  /** The total row's explanation: points to fill by the city and points without a score. */
  readonly totalNote: (toFill: string, notScored: string) => string;
  readonly weightsSource: Readonly<Record<'default' | 'configured', string>>;
  readonly note: string;
}

export type LabelsByLanguage = Readonly<Record<ReportLanguage, ReportLabels>>;
