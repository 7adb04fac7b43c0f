/**
 * Every word report.html, report.xlsx and index.html print, in Chinese and English, so the
 * renderers hold no language and a missing translation is a type error.
 */
import type { IndicatorStatus } from '../indicator-status.ts';
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
    readonly dataQuality: string;
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
    readonly growth: string;
    readonly method: string;
    readonly methods: Readonly<Record<'enterprise' | 'industry', string>>;
    readonly year: string;
    readonly notYetComputed: string;
    readonly chartCity: string;
    readonly chartNation: string;
  };
  readonly categoryNames: Readonly<Record<string, string>>;
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
  };
  readonly quality: {
    readonly dataset: string;
    readonly rowsRead: string;
    readonly rowsRejected: string;
    readonly rejectedShare: string;
    readonly latestPeriod: string;
    readonly total: string;
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
