/**
 * What a report is assembled from: the rows report-queries.ts reads from the marts (or a test
 * writes by hand), already typed. Months are 'YYYY-MM'; money is an exact decimal string.
 */
import type { ConfiguredCity } from '../config/city-config.ts';
import type { CoverageByDataset } from './coverage.ts';
import type { DataQualityInput } from './data-quality-section.ts';
import type { HighValuePatentsInput } from './high-value-patents-inputs.ts';
import type { IndicatorId } from './indicators.ts';
import type { MonthlyValue } from './monthly-series.ts';
import type { PatentIntensiveInput } from './patent-intensive-inputs.ts';
import type { PublishedReport, RevisionSourceFacts } from './revisions.ts';

export type TransferFlow = 'local' | 'inflow' | 'outflow';

export interface TransferFlowRow {
  readonly month: string;
  readonly ipKind: string;
  readonly eventType: string;
  readonly flow: TransferFlow;
  readonly eventCount: number;
}

export interface GiOutputMonthRow {
  readonly giId: string;
  readonly giName: string;
  readonly inPromotionProject: boolean;
  readonly month: string;
  /** Exact decimal, yuan. */
  readonly outputValueCny: string;
  readonly producerCount: number;
}

/** Distinct authorised users (by USCC) with marked output from January to the report month. */
export interface GiUsersRow {
  readonly giId: string;
  readonly users: number;
}

export interface GiOutputInput {
  readonly monthly: readonly GiOutputMonthRow[];
  readonly usersYearToDate: readonly GiUsersRow[];
}

export interface ReportInput {
  readonly city: ConfiguredCity;
  /** The report month, 'YYYY-MM'. */
  readonly period: string;
  /** ISO-8601 with offset, e.g. '2025-07-05T02:00:00+08:00'. */
  readonly generatedAt: string;
  /** Version of the patent-intensive classification used when `patentIntensive` names none. */
  readonly classificationVersion: string | null;
  /** Patent-intensive accounts of the city (report-queries.ts); absent means none: every figure null. */
  readonly patentIntensive?: PatentIntensiveInput;
  /** Monthly values per indicator; an indicator or month absent means zero inside coverage. */
  readonly series: Readonly<Partial<Record<IndicatorId, readonly MonthlyValue[]>>>;
  readonly transferFlows: readonly TransferFlowRow[];
  /** The city's coverage of every dataset (coverage-resolution.ts). */
  readonly coverage: CoverageByDataset;
  readonly giOutput: GiOutputInput;
  /** High-value invention patent counts as of the report month's end; absent: every figure null (no_data). */
  readonly highValuePatents?: HighValuePatentsInput;
  /** The city's rows, the lake's source files and their last months, for data_quality. */
  readonly quality: Pick<DataQualityInput, 'cityRows' | 'files' | 'lakeLastMonths'>;
  /** The city's latest report for an earlier month, as published; null when there is none. */
  readonly previousReport: PublishedReport | null;
  /** Every ingested source file, for the revisions section. */
  readonly revisionSources: readonly RevisionSourceFacts[];
}
