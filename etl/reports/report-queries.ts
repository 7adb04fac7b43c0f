/**
 * Reads the inputs of one city's report from the marts through a QueryEngine (DuckDB locally,
 * Athena in AWS). The SQL is the portable subset both engines run: named `:city`, `:from`,
 * `:to` parameters (bound by the engine, never interpolated), dates compared as
 * CAST(:x AS DATE), explicit casts on aggregates.
 */
import type { ConfiguredCity } from '../config/city-config.ts';
import type { QueryEngine } from '../engines/query-engine.ts';
import { DATASET_NAMES, type DatasetName } from '../schemas/dataset-spec.ts';
import { resolveCoverage } from './coverage-resolution.ts';
import type { CityRowCount } from './data-quality-section.ts';
import { isIndicatorId, type IndicatorId } from './indicators.ts';
import { coverageFactsOf, lakeLastMonthsOf, qualityFactsOf, revisionFactsOf, type LakeFacts } from './lake-facts.ts';
import type { MonthlyValue } from './monthly-series.ts';
import { trendStart } from './monthly-trend.ts';
import { firstMonthOfYear, monthOfDate, monthToDate, parsePeriod, yearOf } from './period.ts';
import { fetchPatentIntensiveInput } from './patent-intensive-queries.ts';
import { fetchHighValuePatentsInput } from './high-value-patents-queries.ts';
import { DEFAULT_HIGH_VALUE_PLEDGE_THRESHOLD_CNY } from '../config/pledge-threshold-schema.ts';
import type { GiOutputInput, ReportInput, TransferFlow, TransferFlowRow } from './report-inputs.ts';
import type { PublishedReport } from './revisions.ts';
import { booleanAt, decimalAt, numberAt, stringAt } from './row-values.ts';

export const INDICATOR_SERIES_SQL = `select indicator_id, month, value
from mart_city_indicator_monthly
where city_code = :city
  and month >= cast(:from as date)
  and month <= cast(:to as date)
order by indicator_id, month`;

export const TRANSFER_FLOWS_SQL = `select month, ip_kind, event_type, flow, cast(event_count as bigint) as event_count
from mart_city_transfer_flows_monthly
where city_code = :city
  and month >= cast(:from as date)
  and month <= cast(:to as date)
order by month, ip_kind, event_type, flow`;

export const GI_OUTPUT_MONTHLY_SQL = `select gi_id, gi_name, in_promotion_project, month, output_value_cny, cast(producer_count as bigint) as producer_count
from mart_city_gi_output_monthly
where city_code = :city
  and month >= cast(:from as date)
  and month <= cast(:to as date)
order by gi_id, month`;

/** Distinct users over several months cannot be summed from monthly counts: read the rows. */
export const GI_USERS_SQL = `select gi_id, cast(count(distinct producer_uscc) as bigint) as users
from int_gi_output_marked
where city_code = :city
  and month >= cast(:from as date)
  and month <= cast(:to as date)
group by gi_id
order by gi_id`;

/** The city's current rows per dataset and month (month null for datasets without one), for data_quality. */
export const CITY_DATASET_ROWS_SQL = `select dataset, month, cast(row_count as bigint) as row_count
from mart_city_dataset_rows_monthly
where city_code = :city
order by dataset, month`;

/** The months a report of `period` reads: January of the earliest year it shows (or of its 24-month trend), to the period. */
export function reportMonthRange(city: Pick<ConfiguredCity, 'baseYear' | 'programmeStartYear'>, period: string): { from: string; to: string } {
  const earliestYear = Math.min(city.baseYear, city.programmeStartYear, yearOf(trendStart(period)));
  return { from: firstMonthOfYear(earliestYear), to: period };
}

function dateParams(cityCode: string, from: string, to: string) {
  return { city: cityCode, from: monthToDate(from), to: monthToDate(to) };
}

export async function fetchIndicatorSeries(
  engine: QueryEngine,
  city: Pick<ConfiguredCity, 'code' | 'baseYear' | 'programmeStartYear'>,
  period: string,
): Promise<Partial<Record<IndicatorId, MonthlyValue[]>>> {
  const { from, to } = reportMonthRange(city, parsePeriod(period));
  const where = `mart_city_indicator_monthly (city ${city.code})`;
  const { rows } = await engine.query(INDICATOR_SERIES_SQL, dateParams(city.code, from, to));
  const series: Partial<Record<IndicatorId, MonthlyValue[]>> = {};
  for (const row of rows) {
    const id = stringAt(row, 'indicator_id', where);
    if (!isIndicatorId(id)) throw new Error(`${where}: unknown indicator_id ${JSON.stringify(id)}; the mart and etl/reports/indicators.ts disagree`);
    (series[id] ??= []).push({ month: monthOfDate(stringAt(row, 'month', where)), value: decimalAt(row, 'value', where) });
  }
  return series;
}

export async function fetchTransferFlows(engine: QueryEngine, cityCode: string, period: string): Promise<TransferFlowRow[]> {
  const where = `mart_city_transfer_flows_monthly (city ${cityCode})`;
  const yearStart = firstMonthOfYear(yearOf(parsePeriod(period)));
  const { rows } = await engine.query(TRANSFER_FLOWS_SQL, dateParams(cityCode, yearStart, period));
  return rows.map((row) => ({
    month: monthOfDate(stringAt(row, 'month', where)),
    ipKind: stringAt(row, 'ip_kind', where),
    eventType: stringAt(row, 'event_type', where),
    flow: flowAt(stringAt(row, 'flow', where), where),
    eventCount: numberAt(row, 'event_count', where),
  }));
}

function flowAt(value: string, where: string): TransferFlow {
  if (value === 'local' || value === 'inflow' || value === 'outflow') return value;
  throw new Error(`${where}: column flow holds ${JSON.stringify(value)}; expected local, inflow or outflow`);
}

export async function fetchGiOutput(engine: QueryEngine, cityCode: string, period: string): Promise<GiOutputInput> {
  const yearStart = firstMonthOfYear(yearOf(parsePeriod(period)));
  const params = dateParams(cityCode, yearStart, period);
  const monthlyWhere = `mart_city_gi_output_monthly (city ${cityCode})`;
  const usersWhere = `int_gi_output_marked (city ${cityCode})`;
  const [monthly, users] = await Promise.all([engine.query(GI_OUTPUT_MONTHLY_SQL, params), engine.query(GI_USERS_SQL, params)]);
  return {
    monthly: monthly.rows.map((row) => ({
      giId: stringAt(row, 'gi_id', monthlyWhere),
      giName: stringAt(row, 'gi_name', monthlyWhere),
      inPromotionProject: booleanAt(row, 'in_promotion_project', monthlyWhere),
      month: monthOfDate(stringAt(row, 'month', monthlyWhere)),
      outputValueCny: decimalAt(row, 'output_value_cny', monthlyWhere),
      producerCount: numberAt(row, 'producer_count', monthlyWhere),
    })),
    usersYearToDate: users.rows.map((row) => ({ giId: stringAt(row, 'gi_id', usersWhere), users: numberAt(row, 'users', usersWhere) })),
  };
}

export async function fetchCityDatasetRows(engine: QueryEngine, cityCode: string): Promise<CityRowCount[]> {
  const where = `mart_city_dataset_rows_monthly (city ${cityCode})`;
  const { rows } = await engine.query(CITY_DATASET_ROWS_SQL, { city: cityCode });
  return rows.map((row) => {
    const dataset = stringAt(row, 'dataset', where);
    if (!(DATASET_NAMES as readonly string[]).includes(dataset)) throw new Error(`${where}: unknown dataset ${JSON.stringify(dataset)}`);
    const month = row['month'];
    return { dataset: dataset as DatasetName, month: month === null ? null : monthOfDate(stringAt(row, 'month', where)), rows: numberAt(row, 'row_count', where) };
  });
}

export interface ReportRequest {
  readonly city: ConfiguredCity;
  readonly period: string;
  readonly generatedAt: string;
  readonly classificationVersion: string | null;
  /** What the lake knows about its source files (lake-facts.ts), read once for every city. */
  readonly facts: LakeFacts;
  /** The city's latest report for an earlier month, as published (published-reports.ts). */
  readonly previousReport: PublishedReport | null;
}

/** Every input of assembleReport for one city and month, read concurrently. */
export async function fetchReportInputs(engine: QueryEngine, request: ReportRequest): Promise<ReportInput> {
  const period = parsePeriod(request.period);
  const { facts, ...rest } = request;
  const [series, transferFlows, giOutput, cityRows, patentIntensive, highValuePatents] = await Promise.all([
    fetchIndicatorSeries(engine, request.city, period),
    fetchTransferFlows(engine, request.city.code, period),
    fetchGiOutput(engine, request.city.code, period),
    fetchCityDatasetRows(engine, request.city.code),
    fetchPatentIntensiveInput(engine, request.city.code),
    fetchHighValuePatentsInput(engine, request.city.code, period, request.city.highValuePledgeThresholdCny ?? DEFAULT_HIGH_VALUE_PLEDGE_THRESHOLD_CNY),
  ]);
  return {
    ...rest,
    period,
    series,
    transferFlows,
    giOutput,
    coverage: resolveCoverage(coverageFactsOf(facts), request.city),
    patentIntensive,
    highValuePatents,
    quality: { cityRows, files: qualityFactsOf(facts), lakeLastMonths: lakeLastMonthsOf(facts) },
    revisionSources: revisionFactsOf(facts),
  };
}
