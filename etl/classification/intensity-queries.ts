/** Reads the intensity analysis inputs from the lake's views (portable SQL, named parameters). */
import type { QueryEngine } from '../engines/query-engine.ts';
import { fetchClassificationVersion } from '../reports/patent-intensive-queries.ts';
import { numberAt, stringAt, booleanAt } from '../reports/row-values.ts';
import type { ClassIntensityRow, OfficialClass } from './intensity-analysis.ts';

export const INTENSITY_YEARS_SQL = `select cast(max(year) as integer) as latest_year
from mart_industry_patent_intensity`;

export const CLASS_INTENSITY_SQL = `select industry_code, enterprise_count, employees, enterprises_without_employees, invention_grants_5y
from mart_industry_patent_intensity
where year = :year
order by industry_code`;

export const OFFICIAL_CLASSES_SQL = `select industry_code, category_code, partial
from stg_patent_intensive_classification
where version = :version
order by industry_code`;

export interface IntensityInputs {
  readonly year: number;
  readonly classes: readonly ClassIntensityRow[];
  readonly classificationVersion: string | null;
  readonly official: readonly OfficialClass[];
}

/** The latest year of the view (the latest year with a grant or accounts), or null on an empty lake. */
export async function fetchLatestIntensityYear(engine: QueryEngine): Promise<number | null> {
  const { rows } = await engine.query(INTENSITY_YEARS_SQL);
  const value = rows[0]?.['latest_year'];
  return typeof value === 'number' ? value : null;
}

export async function fetchIntensityInputs(engine: QueryEngine, year: number): Promise<IntensityInputs> {
  const where = `mart_industry_patent_intensity (year ${year})`;
  const classificationVersion = await fetchClassificationVersion(engine);
  const [classes, official] = await Promise.all([
    engine.query(CLASS_INTENSITY_SQL, { year }),
    classificationVersion === null ? Promise.resolve({ rows: [] }) : engine.query(OFFICIAL_CLASSES_SQL, { version: classificationVersion }),
  ]);
  const officialWhere = `stg_patent_intensive_classification (version ${classificationVersion})`;
  return {
    year,
    classificationVersion,
    classes: classes.rows.map((row) => ({
      industryCode: stringAt(row, 'industry_code', where),
      enterpriseCount: numberAt(row, 'enterprise_count', where),
      employees: numberAt(row, 'employees', where),
      enterprisesWithoutEmployees: numberAt(row, 'enterprises_without_employees', where),
      inventionGrants5y: numberAt(row, 'invention_grants_5y', where),
    })),
    official: official.rows.map((row) => ({
      industryCode: stringAt(row, 'industry_code', officialWhere),
      categoryCode: stringAt(row, 'category_code', officialWhere),
      partial: booleanAt(row, 'partial', officialWhere),
    })),
  };
}
