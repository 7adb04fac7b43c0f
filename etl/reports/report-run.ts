/**
 * The steps every report run takes, locally (etl/pipeline/build-reports.ts, all cities) and in
 * the `report` Lambda (etl/aws/city-report.ts, one city): read what the lake knows once, choose
 * and check the month, then per city read its inputs and its previous report and assemble
 * report.json. Through any QueryEngine; nothing here imports DuckDB.
 */
import type { ConfiguredCity } from '../config/city-config.ts';
import type { QueryEngine } from '../engines/query-engine.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { assembleReport } from './assemble-report.ts';
import { LAKE_ONLY, resolveCoverage } from './coverage-resolution.ts';
import { previousPublishedReport } from './delivery/published-reports.ts';
import { coverageFactsOf, fetchLakeFacts, type LakeFacts } from './lake-facts.ts';
import { parsePeriod } from './period.ts';
import { chooseReportPeriod, ReportPeriodError } from './report-period.ts';
import { fetchReportInputs } from './report-queries.ts';
import type { UnrankedReport } from './report-schema.ts';

export interface ReportRun {
  /** 'YYYY-MM' */
  readonly period: string;
  /** ISO-8601 with offset, the same for every report of the run. */
  readonly generatedAt: string;
  readonly facts: LakeFacts;
}

export interface StartReportRunOptions {
  readonly engine: QueryEngine;
  readonly lake: ObjectStore;
  readonly cities: readonly ConfiguredCity[];
  /** 'YYYY-MM'; by default the latest month every flow source covers. */
  readonly period?: string;
  readonly generatedAt: string;
}

/** Reads the lake's facts and checks the month can be reported for every city; throws ReportPeriodError otherwise. */
export async function startReportRun(options: StartReportRunOptions): Promise<ReportRun> {
  const facts = await fetchLakeFacts(options.engine, options.lake);
  if (facts.manifests.length === 0) {
    throw new ReportPeriodError(`the lake ${options.lake.location} holds no ingested data (nothing under manifests/): check the lake location, or ingest the sources first`);
  }
  const files = coverageFactsOf(facts);
  const period = chooseReportPeriod(
    resolveCoverage(files, LAKE_ONLY),
    options.period === undefined ? undefined : parsePeriod(options.period),
    options.cities.map((city) => ({ label: `city ${city.code} ${city.name}`, coverage: resolveCoverage(files, city) })),
  );
  return { period, generatedAt: options.generatedAt, facts };
}

/** One city's report.json for the run's month, before its ranks; `out` holds the reports published so far (for revisions). */
export async function assembleCityReport(engine: QueryEngine, out: ObjectStore, run: ReportRun, city: ConfiguredCity): Promise<UnrankedReport> {
  const previousReport = await previousPublishedReport(out, city.code, run.period);
  const inputs = await fetchReportInputs(engine, { city, period: run.period, generatedAt: run.generatedAt, classificationVersion: null, facts: run.facts, previousReport });
  return assembleReport(inputs);
}
