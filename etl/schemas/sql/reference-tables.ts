/**
 * The reference tables the SQL twins look codes up in, created in the ingestion's DuckDB from the
 * same data the JavaScript parsers read (etl/reference/), so a look-up cannot disagree.
 */
import { allDivisions } from '../../reference/gbt2260.ts';
import { allIndustries } from '../../reference/gbt4754.ts';
import { sqlString } from './sql-field-twin.ts';

export const GBT4754_TABLE = 'ref_gbt4754';
export const GBT2260_TABLE = 'ref_gbt2260';

/** The statements that create the reference tables in the ingestion's DuckDB database. */
export function referenceTablesSql(): readonly string[] {
  const industries = allIndustries()
    .map((entry) => `(${sqlString(entry.code)}, ${sqlString(entry.level)}, ${sqlString(entry.name)}, ${sqlString(entry.section)})`)
    .join(', ');
  const divisions = allDivisions()
    .map((division) => `(${sqlString(division.code)}, ${sqlString(division.name)}, ${sqlString(division.level)}, ${division.cityCode === null ? 'NULL' : sqlString(division.cityCode)})`)
    .join(', ');
  return [
    `CREATE OR REPLACE TABLE ${GBT4754_TABLE} AS SELECT * FROM (VALUES ${industries}) AS t(code, level, name, section)`,
    `CREATE OR REPLACE TABLE ${GBT2260_TABLE} AS SELECT * FROM (VALUES ${divisions}) AS t(code, name, level, city_code)`,
  ];
}
