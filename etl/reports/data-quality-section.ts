/**
 * The report's data_quality section, for the report's city and month (docs/indicators.md
 * "Data quality"): per dataset, the city's rows counted up to the report month, the rejected rows
 * that name the city with their most frequent rules, and the coverage with how it is known.
 * The lake-wide totals of every source file are kept apart in `lake`. Pure.
 */
import { DATASET_NAMES, type DatasetName } from '../schemas/dataset-spec.ts';
import { DATASETS } from '../schemas/index.ts';
import { coverageBounds, coversMonth, type CoverageByDataset, type DatasetCoverage } from './coverage.ts';
import { monthIndex } from './period.ts';
import type { DataQualitySection, DatasetCoverageJson } from './report-schema.ts';

/** How many rejection rules the section lists per dataset. */
export const TOP_REJECT_REASONS = 5;

/** Rejected rows of one source file that name one city (or none) in one month (or none). */
export interface RejectedRowsOfCity {
  readonly cityCode: string | null;
  readonly month: string | null;
  readonly rows: number;
  readonly rules: Readonly<Record<string, number>>;
}

/** What the manifest of one source file says about its rows. */
export interface SourceFileQualityFacts {
  readonly dataset: DatasetName;
  /** The source file's name as delivered, and its SHA-256. */
  readonly name: string;
  readonly sha256: string;
  readonly status: 'ingested' | 'file_rejected';
  /** ISO-8601 UTC: when it was ingested, or rejected whole. */
  readonly ingestedAt: string;
  /** Why it was rejected whole (status file_rejected); never a row's values. */
  readonly error: string | null;
  readonly rowsRead: number;
  readonly rowsRejected: number;
  readonly ingestSeq: number;
  /** Null for a manifest written before rejects were attributed to cities: its rejects count as without city. */
  readonly rejectedByCity: readonly RejectedRowsOfCity[] | null;
}

/** Current rows of a dataset attributed to the city in one month (null: a dataset without months). */
export interface CityRowCount {
  readonly dataset: DatasetName;
  readonly month: string | null;
  readonly rows: number;
}

export interface DataQualityInput {
  readonly cityCode: string;
  readonly period: string;
  /** The city's coverage (coverage-resolution.ts). */
  readonly coverage: CoverageByDataset;
  readonly cityRows: readonly CityRowCount[];
  readonly files: readonly SourceFileQualityFacts[];
  /** The last month with current rows of each dataset, anywhere in the lake. */
  readonly lakeLastMonths: Readonly<Partial<Record<DatasetName, string>>>;
}

export function dataQualitySection(input: DataQualityInput): DataQualitySection {
  const byDataset: DataQualitySection['by_dataset'] = {};
  const lakeByDataset: DataQualitySection['lake']['by_dataset'] = {};
  let rowsRead = 0;
  let rowsRejected = 0;
  let lakeRead = 0;
  let lakeRejected = 0;
  let withoutCity = 0;
  // DATASET_NAMES order keeps the JSON byte-identical from run to run.
  for (const dataset of DATASET_NAMES) {
    const files = input.files.filter((file) => file.dataset === dataset);
    const coverage = input.coverage[dataset];
    if (files.length === 0 && coverageBounds(coverage) === null) continue;

    const rejected = rejectsOfCity(files, input.cityCode, input.period);
    const counted = input.cityRows.filter((row) => row.dataset === dataset && (row.month === null || monthIndex(row.month) <= monthIndex(input.period)));
    const rowsCounted = sum(counted.map((row) => row.rows));
    const hasMonths = DATASETS[dataset].partitioning.kind !== 'none';
    const outside = hasMonths ? sum(counted.filter((row) => row.month !== null && !coversMonth(coverage, row.month)).map((row) => row.rows)) : 0;
    byDataset[dataset] = {
      rows_read: rowsCounted + rejected.rows,
      rows_rejected: rejected.rows,
      latest_period: latestCoveredMonth(coverage, input.period),
      rows_counted: rowsCounted,
      rows_in_month: hasMonths ? sum(counted.filter((row) => row.month === input.period).map((row) => row.rows)) : null,
      rows_outside_coverage: outside,
      coverage: coverageJson(coverage),
      top_reject_reasons: topRules(rejected.rules),
    };
    rowsRead += rowsCounted + rejected.rows;
    rowsRejected += rejected.rows;

    if (files.length === 0) continue;
    const read = sum(files.map((file) => file.rowsRead));
    const rejectedInLake = sum(files.map((file) => file.rowsRejected));
    lakeByDataset[dataset] = {
      rows_read: read,
      rows_rejected: rejectedInLake,
      files: files.length,
      latest_period: input.lakeLastMonths[dataset] ?? null,
      last_ingest_seq: Math.max(...files.map((file) => file.ingestSeq)),
      files_rejected_whole: outstandingRejections(files),
    };
    lakeRead += read;
    lakeRejected += rejectedInLake;
    withoutCity += sum(files.map((file) => (file.rejectedByCity === null ? file.rowsRejected : sum(file.rejectedByCity.filter((entry) => entry.cityCode === null).map((entry) => entry.rows)))));
  }
  return {
    scope: 'city',
    rows_read: rowsRead,
    rows_rejected: rowsRejected,
    by_dataset: byDataset,
    lake: { rows_read: lakeRead, rows_rejected: lakeRejected, rows_rejected_without_city: withoutCity, by_dataset: lakeByDataset },
  };
}

/**
 * Files of one dataset rejected whole that nothing has followed yet: no file of the dataset was
 * ingested after them. `ipstats run` stops a dataset at such a file, so until it is corrected or
 * withdrawn the dataset's data ends before it (docs/indicators.md "Data quality"). Oldest first.
 */
function outstandingRejections(files: readonly SourceFileQualityFacts[]): { file: string; sha256: string; rejected_at: string; reason: string }[] {
  const lastIngested = files.filter((file) => file.status === 'ingested').reduce<string | null>((last, file) => (last === null || file.ingestedAt > last ? file.ingestedAt : last), null);
  return files
    .filter((file) => file.status === 'file_rejected' && (lastIngested === null || file.ingestedAt > lastIngested))
    .sort((a, b) => (a.ingestedAt < b.ingestedAt ? -1 : a.ingestedAt > b.ingestedAt ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((file) => ({ file: file.name, sha256: file.sha256, rejected_at: file.ingestedAt, reason: file.error ?? 'rejected whole' }));
}

/** Rejected rows naming the city, dated up to the report month or undated, and their rules. */
function rejectsOfCity(files: readonly SourceFileQualityFacts[], cityCode: string, period: string): { rows: number; rules: Map<string, number> } {
  let rows = 0;
  const rules = new Map<string, number>();
  for (const file of files) {
    for (const entry of file.rejectedByCity ?? []) {
      if (entry.cityCode !== cityCode) continue;
      if (entry.month !== null && monthIndex(entry.month) > monthIndex(period)) continue;
      rows += entry.rows;
      for (const [rule, count] of Object.entries(entry.rules)) rules.set(rule, (rules.get(rule) ?? 0) + count);
    }
  }
  return { rows, rules };
}

function topRules(rules: ReadonlyMap<string, number>): { rule: string; rows: number }[] {
  return [...rules.entries()]
    .sort(([ruleA, a], [ruleB, b]) => b - a || (ruleA < ruleB ? -1 : ruleA > ruleB ? 1 : 0))
    .slice(0, TOP_REJECT_REASONS)
    .map(([rule, rows]) => ({ rule, rows }));
}

/** The last covered month at or before the report month. */
export function latestCoveredMonth(coverage: DatasetCoverage | undefined, period: string): string | null {
  const limit = monthIndex(period);
  let latest: string | null = null;
  for (const run of coverage?.runs ?? []) {
    if (monthIndex(run.first) > limit) break;
    latest = monthIndex(run.last) <= limit ? run.last : period;
  }
  return latest;
}

export function coverageJson(coverage: DatasetCoverage | undefined): DatasetCoverageJson | null {
  const bounds = coverageBounds(coverage);
  if (bounds === null || coverage === undefined) return null;
  return {
    first: bounds.first,
    last: bounds.last,
    runs: coverage.runs.map((run) => ({ first: run.first, last: run.last, basis: run.basis, ...(run.declaredIn === undefined ? {} : { declared_in: [...run.declaredIn] }) })),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
