/**
 * What the high_value_patents section is assembled from: the counts high-value-patents-queries.ts
 * reads as of the report month's end (or a test writes by hand). A count of `…Unknown` is the
 * number of in-force invention patents whose value for that criterion is unknown.
 */
export const HIGH_VALUE_CRITERIA = ['strategic_emerging', 'overseas_family', 'maintained_over_10_years', 'high_pledge', 'award'] as const;
export type HighValueCriterion = (typeof HIGH_VALUE_CRITERIA)[number];

export interface CriterionCount {
  /** In-force invention patents that meet the criterion. */
  readonly met: number;
  /** In-force invention patents whose value is unknown. */
  readonly unknown: number;
}

export interface HighValuePatentsInput {
  /** The report month's last day, 'YYYY-MM-DD'. */
  readonly asOf: string;
  readonly inventionInForce: number;
  /** Patents meeting at least one criterion (each once). */
  readonly highValue: number;
  /** Patents that meet no known criterion and have at least one unknown. */
  readonly highValueUnknown: number;
  readonly byCriterion: Readonly<Record<HighValueCriterion, CriterionCount>>;
  /** Pledges of the city (patent or mixed) registered by the month end without patent_application_nos. */
  readonly pledgesWithoutPatentList: number;
  /** The population of the report year, else of the latest earlier year known; null when none. */
  readonly population: { readonly year: number; readonly persons: number } | null;
  /** Exact decimal yuan, the threshold used. */
  readonly pledgeThresholdCny: string;
}
