import { TrinoSQL } from 'dt-sql-parser';
import { coverageOfSpan } from '../../../etl/reports/coverage.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCityConfig } from '../../../etl/config/city-config.ts';
import { createDuckDbEngine } from '../../../etl/engines/duckdb-engine.ts';
import { rewriteNamedParameters } from '../../../etl/engines/named-parameters.ts';
import type { QueryEngine } from '../../../etl/engines/query-engine.ts';
import { loadTrinoFunctionList } from '../../../etl/engines/trino-function-list.ts';
import { assembleReport } from '../../../etl/reports/assemble-report.ts';
import { SOURCE_FILE_MONTHS_SQL, fetchSourceFileMonths } from '../../../etl/reports/lake-facts.ts';
import {
  CITY_DATASET_ROWS_SQL,
  GI_OUTPUT_MONTHLY_SQL,
  GI_USERS_SQL,
  INDICATOR_SERIES_SQL,
  TRANSFER_FLOWS_SQL,
  fetchIndicatorSeries,
  fetchReportInputs,
  reportMonthRange,
} from '../../../etl/reports/report-queries.ts';
import { CLASSIFICATION_VERSION_SQL, PATENT_INTENSIVE_CLASSES_SQL, PATENT_INTENSIVE_YEARS_SQL } from '../../../etl/reports/patent-intensive-queries.ts';
import { HIGH_VALUE_PATENTS_SQL, RESIDENT_POPULATION_SQL } from '../../../etl/reports/high-value-patents-queries.ts';

const city = parseCityConfig(JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024 }] }), 'c.json').cities[0]!;

/** The marts as tables with the documented columns, holding hand-written rows (other city 420100 must be ignored). */
const FIXTURE_SQL = [
  `create table mart_city_indicator_monthly (city_code varchar, indicator_id varchar, month date, value decimal(38,2))`,
  `insert into mart_city_indicator_monthly values
    ('440300', 'pledge_amount_cny', date '2022-12-01', 999.00),
    ('440300', 'pledge_amount_cny', date '2023-04-01', 100.00),
    ('440300', 'pledge_amount_cny', date '2024-04-01', 120.00),
    ('440300', 'pledge_amount_cny', date '2025-02-01', 60.55),
    ('440300', 'pledge_amount_cny', date '2025-07-01', 1.00),
    ('440300', 'ip_transfer_licence_count', date '2025-06-01', 3.00),
    ('420100', 'pledge_amount_cny', date '2025-02-01', 5.00)`,
  `create table mart_city_transfer_flows_monthly (city_code varchar, month date, ip_kind varchar, event_type varchar, flow varchar, event_count bigint)`,
  `insert into mart_city_transfer_flows_monthly values
    ('440300', date '2025-06-01', 'patent', 'transfer', 'local', 1),
    ('440300', date '2025-06-01', 'trademark', 'licence', 'inflow', 2),
    ('440300', date '2024-06-01', 'patent', 'transfer', 'local', 7),
    ('420100', date '2025-06-01', 'patent', 'transfer', 'outflow', 2)`,
  `create table mart_city_gi_output_monthly (city_code varchar, gi_id varchar, gi_name varchar, in_promotion_project boolean, month date, output_value_cny decimal(38,2), producer_count bigint)`,
  `insert into mart_city_gi_output_monthly values
    ('440300', 'GI-1', '沙井蚝', true, date '2025-01-01', 10.10, 2),
    ('440300', 'GI-1', '沙井蚝', true, date '2025-03-01', 5.05, 1),
    ('440300', 'GI-1', '沙井蚝', true, date '2024-12-01', 99.00, 1)`,
  `create table int_gi_output_marked (gi_id varchar, producer_uscc varchar, city_code varchar, month date, output_value_cny decimal(18,2), gi_name varchar, in_promotion_project boolean)`,
  `insert into int_gi_output_marked values
    ('GI-1', 'U1', '440300', date '2025-01-01', 5.05, '沙井蚝', true),
    ('GI-1', 'U2', '440300', date '2025-01-01', 5.05, '沙井蚝', true),
    ('GI-1', 'U1', '440300', date '2025-03-01', 5.05, '沙井蚝', true),
    ('GI-1', 'U3', '440300', date '2024-12-01', 99.00, '沙井蚝', true)`,
  `create table mart_source_file_months (dataset varchar, source_sha256 varchar, first_month date, last_month date, row_count bigint)`,
  `insert into mart_source_file_months values
    ('pledges', 'p1', date '2022-01-01', date '2024-12-01', 4),
    ('pledges', 'p2', date '2025-01-01', date '2025-07-01', 2),
    ('patent_events', 'e1', date '2024-01-01', date '2025-06-01', 10),
    ('trademark_events', 't1', date '2024-03-01', date '2025-06-01', 4),
    ('gi_output', 'g1', date '2024-12-01', date '2025-06-01', 4)`,
  `create table mart_city_dataset_rows_monthly (city_code varchar, dataset varchar, month date, row_count bigint)`,
  `insert into mart_city_dataset_rows_monthly values
    ('440300', 'pledges', date '2025-06-01', 2),
    ('440300', 'gi_products', null, 1),
    ('420100', 'pledges', date '2025-06-01', 5)`,
  // Two classification versions: 'v2' was loaded last (higher _ingest_seq), so the report uses it.
  `create table stg_patent_intensive_classification (version varchar, industry_code varchar, category_code varchar, partial boolean, _ingest_seq integer)`,
  `insert into stg_patent_intensive_classification values ('demo-2019', '3911', '01', false, 1), ('v2', '3911', '01', false, 2)`,
  `create table mart_city_patent_intensive_annual (city_code varchar, classification_version varchar, year integer, enterprises_with_accounts bigint,
    enterprise_value_added_cny decimal(38,2), industry_rows bigint, gdp_cny decimal(38,2))`,
  `insert into mart_city_patent_intensive_annual values
    ('440300', 'v2', 2023, 0, null, 3, null),
    ('440300', 'v2', 2024, 5, 210.00, 4, 10000.00),
    ('440300', 'demo-2019', 2024, 5, 999.00, 4, 10000.00),
    ('420100', 'v2', 2024, 1, 1.00, 0, null)`,
  `create table mart_city_patent_intensive_classes (city_code varchar, classification_version varchar, year integer, industry_code varchar,
    category_code varchar, partial boolean, enterprise_count bigint, counted_enterprise_count bigint, counted_production_approach_count bigint,
    enterprise_value_added_cny decimal(38,2), enterprise_value_added_all_cny decimal(38,2), enterprise_value_added_holders_cny decimal(38,2),
    industry_value_added_cny decimal(38,2))`,
  `insert into mart_city_patent_intensive_classes values
    ('440300', 'v2', 2024, '3961', '01', true, 4, 1, 0, 10.00, 115.00, 10.00, 1000.00),
    ('440300', 'v2', 2024, '3911', '01', false, 1, 1, 1, 200.00, 200.00, 200.00, 400.00),
    ('440300', 'demo-2019', 2024, '3911', '01', false, 1, 1, 0, 999.00, 999.00, 999.00, null)`,
  // High-value patents: H1 strategic emerging; H2 pledged for 1000万元; H3 granted after the month end; 420100's H4 elsewhere.
  `create table mart_city_invention_patents_in_force (city_code varchar, application_no varchar, application_date date, grant_date date,
    ten_years_after_filing date, strategic_emerging boolean, overseas_family boolean, award boolean)`,
  `insert into mart_city_invention_patents_in_force values
    ('440300', 'H1', date '2020-01-01', date '2022-01-01', date '2030-01-01', true, false, false),
    ('440300', 'H2', date '2020-01-01', date '2022-01-01', date '2030-01-01', false, false, false),
    ('440300', 'H3', date '2020-01-01', date '2025-07-01', date '2030-01-01', true, false, false),
    ('420100', 'H4', date '2020-01-01', date '2022-01-01', date '2030-01-01', true, true, true)`,
  `create table int_patent_pledge_shares (pledge_id varchar, application_no varchar, registration_date date, share_fen bigint)`,
  `insert into int_patent_pledge_shares values ('PL1', 'H2', date '2025-01-01', 1000000000)`,
  `create table stg_pledges (pledge_id varchar, ip_type varchar, registration_date date, pledgor_city_code varchar, patent_application_nos varchar)`,
  `insert into stg_pledges values ('PL1', 'patent', date '2025-01-01', '440300', 'H2')`,
  `create table int_city_resident_population (city_code varchar, year integer, resident_population bigint)`,
  `insert into int_city_resident_population values ('440300', 2024, 17990000), ('440300', 2026, 18000000)`,
];

describe('report queries on DuckDB', () => {
  let engine: QueryEngine;
  beforeAll(async () => {
    engine = createDuckDbEngine({ threads: 1 });
    for (const statement of FIXTURE_SQL) await engine.execute(statement);
  });
  afterAll(async () => engine.close());

  it('reads from January of the earliest year shown to the report month', () => {
    expect(reportMonthRange(city, '2025-06')).toEqual({ from: '2023-01', to: '2025-06' });
    expect(reportMonthRange({ baseYear: 2020, programmeStartYear: 2022 }, '2025-06')).toEqual({ from: '2020-01', to: '2025-06' });
  });

  it('fetches the inputs of one city and period', async () => {
    const inputs = await fetchReportInputs(engine, {
      city,
      period: '2025-06',
      generatedAt: '2025-07-05T02:00:00+08:00',
      classificationVersion: null,
      facts: { manifests: [], fileMonths: await fetchSourceFileMonths(engine) },
      previousReport: null,
    });
    expect(inputs.series).toEqual({
      ip_transfer_licence_count: [{ month: '2025-06', value: '3.00' }],
      pledge_amount_cny: [
        { month: '2023-04', value: '100.00' },
        { month: '2024-04', value: '120.00' },
        { month: '2025-02', value: '60.55' },
      ],
    });
    expect(inputs.transferFlows).toEqual([
      { month: '2025-06', ipKind: 'patent', eventType: 'transfer', flow: 'local', eventCount: 1 },
      { month: '2025-06', ipKind: 'trademark', eventType: 'licence', flow: 'inflow', eventCount: 2 },
    ]);
    expect(inputs.highValuePatents).toEqual({
      asOf: '2025-06-30',
      inventionInForce: 2,
      highValue: 2,
      highValueUnknown: 0,
      byCriterion: {
        strategic_emerging: { met: 1, unknown: 0 },
        overseas_family: { met: 0, unknown: 0 },
        maintained_over_10_years: { met: 0, unknown: 0 },
        high_pledge: { met: 1, unknown: 0 },
        award: { met: 0, unknown: 0 },
      },
      pledgesWithoutPatentList: 0,
      population: { year: 2024, persons: 17990000 },
      pledgeThresholdCny: '10000000.00',
    });
    expect(inputs.giOutput).toEqual({
      monthly: [
        { giId: 'GI-1', giName: '沙井蚝', inPromotionProject: true, month: '2025-01', outputValueCny: '10.10', producerCount: 2 },
        { giId: 'GI-1', giName: '沙井蚝', inPromotionProject: true, month: '2025-03', outputValueCny: '5.05', producerCount: 1 },
      ],
      usersYearToDate: [{ giId: 'GI-1', users: 2 }],
    });
    // Nothing declared: every monthly dataset covers from the lake's earliest month (pledges 2022-01) to its own last month.
    expect(inputs.coverage).toEqual({
      patents: { runs: [] },
      patent_events: coverageOfSpan('2022-01', '2025-06'),
      trademarks: { runs: [] },
      trademark_events: coverageOfSpan('2022-01', '2025-06'),
      pledges: coverageOfSpan('2022-01', '2025-07'),
      gi_output: coverageOfSpan('2022-01', '2025-06'),
      enterprise_accounts: { runs: [] },
      industry_accounts: { runs: [] },
      city_accounts: { runs: [] },
      tech_contracts: { runs: [] },
      programme_records: { runs: [] },
    });
    expect(inputs.quality.cityRows).toEqual([
      { dataset: 'gi_products', month: null, rows: 1 },
      { dataset: 'pledges', month: '2025-06', rows: 2 },
    ]);
    expect(inputs.quality.lakeLastMonths).toEqual({ pledges: '2025-07', patent_events: '2025-06', trademark_events: '2025-06', gi_output: '2025-06' });
    expect(inputs.patentIntensive).toEqual({
      classificationVersion: 'v2',
      years: [
        { year: 2023, enterprisesWithAccounts: 0, enterpriseValueAddedCny: null, industryRows: 3, gdpCny: null },
        { year: 2024, enterprisesWithAccounts: 5, enterpriseValueAddedCny: '210.00', industryRows: 4, gdpCny: '10000.00' },
      ],
      classes: [
        {
          year: 2024, industryCode: '3911', categoryCode: '01', partial: false, enterpriseCount: 1, countedEnterpriseCount: 1, countedProductionApproachCount: 1,
          enterpriseValueAddedCny: '200.00', enterpriseValueAddedAllCny: '200.00', enterpriseValueAddedHoldersCny: '200.00', industryValueAddedCny: '400.00',
        },
        {
          year: 2024, industryCode: '3961', categoryCode: '01', partial: true, enterpriseCount: 4, countedEnterpriseCount: 1, countedProductionApproachCount: 0,
          enterpriseValueAddedCny: '10.00', enterpriseValueAddedAllCny: '115.00', enterpriseValueAddedHoldersCny: '10.00', industryValueAddedCny: '1000.00',
        },
      ],
    });

    const report = assembleReport(inputs);
    expect(report.indicators.pledge_amount_cny).toEqual({
      unit: 'cny',
      month: 0,
      month_yoy_growth: null, // 2024-06 had none either
      ytd: 60.55,
      ytd_prev: 120,
      yoy_growth: -0.495417, // 60.55 / 120 − 1 = −0.4954166…
      annual: { '2023': 100, '2024': 120 },
      cagr_since_base: 0.2,
      cumulative: null,
      target: { kind: 'growth', value: 0.3 },
      status: 'behind',
      null_reasons: { month_yoy_growth: 'zero_base', cumulative: 'not_applicable' },
    });
    expect(report.indicators.ip_transfer_licence_count.breakdown).toEqual({ month: { local: 1, inflow: 2, outflow: 0 }, ytd: { local: 1, inflow: 2, outflow: 0 } });
    expect(report.gi_output.ytd_all_cny).toBe(15.15);
    expect(report.gi_output.by_product).toEqual([{ gi_id: 'GI-1', name: '沙井蚝', in_promotion_project: true, ytd_cny: 15.15, users: 2 }]);
  });

  it('names the query and column when a mart breaks its contract', async () => {
    const other = createDuckDbEngine({ threads: 1 });
    await other.execute(`create table mart_city_indicator_monthly (city_code varchar, indicator_id varchar, month date, value decimal(38,2))`);
    await other.execute(`insert into mart_city_indicator_monthly values ('440300', 'pledge_amount', date '2025-01-01', 1.00)`);
    await expect(fetchIndicatorSeries(other, city, '2025-06')).rejects.toThrow(
      'mart_city_indicator_monthly (city 440300): unknown indicator_id "pledge_amount"; the mart and etl/reports/indicators.ts disagree',
    );
    await other.close();
  });
});

describe('report queries are portable', () => {
  const queries = {
    INDICATOR_SERIES_SQL,
    TRANSFER_FLOWS_SQL,
    GI_OUTPUT_MONTHLY_SQL,
    GI_USERS_SQL,
    SOURCE_FILE_MONTHS_SQL,
    CITY_DATASET_ROWS_SQL,
    CLASSIFICATION_VERSION_SQL,
    PATENT_INTENSIVE_YEARS_SQL,
    PATENT_INTENSIVE_CLASSES_SQL,
    HIGH_VALUE_PATENTS_SQL,
    RESIDENT_POPULATION_SQL,
  };

  it.each(Object.entries(queries))('%s parses with the Trino grammar (parameters as ?)', (_name, sql) => {
    const positional = rewriteNamedParameters(sql, () => '?').sql;
    expect(new TrinoSQL().validate(positional)).toEqual([]);
  });

  it('call only functions Trino has', async () => {
    const trinoFunctions = await loadTrinoFunctionList();
    const syntax = new Set(['as', 'in', 'and', 'or', 'from', 'decimal']);
    const called = Object.values(queries).flatMap((sql) => [...sql.toLowerCase().matchAll(/\b([a-z_][a-z0-9_]*)\s*\(/g)].map((m) => m[1]!));
    const unknown = [...new Set(called)].filter((fn) => !syntax.has(fn) && fn !== 'cast' && !trinoFunctions.has(fn));
    expect(unknown).toEqual([]);
    expect(new Set(called)).toEqual(new Set(['as', 'in', 'cast', 'count', 'max', 'sum', 'coalesce']));
  });
});
