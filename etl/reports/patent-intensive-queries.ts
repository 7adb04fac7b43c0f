/**
 * Reads the patent-intensive inputs of one city from the marts (portable SQL, named
 * parameters). The classification version used is the one loaded last (the highest
 * _ingest_seq of its rows): an operator who loads the official table after the sample's
 * demonstration table gets figures from the official one (docs/patent-intensive.md).
 */
import type { QueryEngine } from '../engines/query-engine.ts';
import type { PatentIntensiveClassRow, PatentIntensiveInput, PatentIntensiveYearRow } from './patent-intensive-inputs.ts';
import { booleanAt, decimalAt, numberAt, stringAt } from './row-values.ts';
import type { Row } from '../engines/query-engine.ts';

export const CLASSIFICATION_VERSION_SQL = `select version, cast(max(_ingest_seq) as integer) as last_ingest_seq
from stg_patent_intensive_classification
group by version
order by last_ingest_seq desc, version desc`;

export const PATENT_INTENSIVE_YEARS_SQL = `select year, enterprises_with_accounts, enterprise_value_added_cny, industry_rows, gdp_cny
from mart_city_patent_intensive_annual
where city_code = :city
  and classification_version = :version
order by year`;

export const PATENT_INTENSIVE_CLASSES_SQL = `select year, industry_code, category_code, partial, enterprise_count, counted_enterprise_count,
  counted_production_approach_count, enterprise_value_added_cny, enterprise_value_added_all_cny,
  enterprise_value_added_holders_cny, industry_value_added_cny
from mart_city_patent_intensive_classes
where city_code = :city
  and classification_version = :version
order by year, industry_code`;

/** The version loaded last, or null when no classification is loaded. */
export async function fetchClassificationVersion(engine: QueryEngine): Promise<string | null> {
  const { rows } = await engine.query(CLASSIFICATION_VERSION_SQL);
  const [latest] = rows;
  return latest === undefined ? null : stringAt(latest, 'version', 'stg_patent_intensive_classification');
}

const decimalOrNull = (row: Row, column: string, where: string): string | null => (row[column] === null ? null : decimalAt(row, column, where));

export async function fetchPatentIntensiveInput(engine: QueryEngine, cityCode: string, version?: string | null): Promise<PatentIntensiveInput> {
  const classificationVersion = version === undefined ? await fetchClassificationVersion(engine) : version;
  if (classificationVersion === null) return { classificationVersion, years: [], classes: [] };
  const params = { city: cityCode, version: classificationVersion };
  const yearsWhere = `mart_city_patent_intensive_annual (city ${cityCode}, version ${classificationVersion})`;
  const classesWhere = `mart_city_patent_intensive_classes (city ${cityCode}, version ${classificationVersion})`;
  const [years, classes] = await Promise.all([engine.query(PATENT_INTENSIVE_YEARS_SQL, params), engine.query(PATENT_INTENSIVE_CLASSES_SQL, params)]);
  return {
    classificationVersion,
    years: years.rows.map(
      (row): PatentIntensiveYearRow => ({
        year: numberAt(row, 'year', yearsWhere),
        enterprisesWithAccounts: numberAt(row, 'enterprises_with_accounts', yearsWhere),
        enterpriseValueAddedCny: decimalOrNull(row, 'enterprise_value_added_cny', yearsWhere),
        industryRows: numberAt(row, 'industry_rows', yearsWhere),
        gdpCny: decimalOrNull(row, 'gdp_cny', yearsWhere),
      }),
    ),
    classes: classes.rows.map(
      (row): PatentIntensiveClassRow => ({
        year: numberAt(row, 'year', classesWhere),
        industryCode: stringAt(row, 'industry_code', classesWhere),
        categoryCode: stringAt(row, 'category_code', classesWhere),
        partial: booleanAt(row, 'partial', classesWhere),
        enterpriseCount: numberAt(row, 'enterprise_count', classesWhere),
        countedEnterpriseCount: numberAt(row, 'counted_enterprise_count', classesWhere),
        countedProductionApproachCount: numberAt(row, 'counted_production_approach_count', classesWhere),
        enterpriseValueAddedCny: decimalOrNull(row, 'enterprise_value_added_cny', classesWhere),
        enterpriseValueAddedAllCny: decimalOrNull(row, 'enterprise_value_added_all_cny', classesWhere),
        enterpriseValueAddedHoldersCny: decimalOrNull(row, 'enterprise_value_added_holders_cny', classesWhere),
        industryValueAddedCny: decimalOrNull(row, 'industry_value_added_cny', classesWhere),
      }),
    ),
  };
}
