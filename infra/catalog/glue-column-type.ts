/** The Glue (Hive DDL) spelling of each portable SQL type of the dataset specs. */
import type { SqlType } from '../../etl/schemas/dataset-spec.ts';

const GLUE_TYPES: Readonly<Record<SqlType, string>> = {
  VARCHAR: 'string',
  BOOLEAN: 'boolean',
  INTEGER: 'int',
  BIGINT: 'bigint',
  DATE: 'date',
  'DECIMAL(18,2)': 'decimal(18,2)',
  'DECIMAL(18,4)': 'decimal(18,4)',
};

export function glueColumnType(sqlType: SqlType): string {
  const glueType = GLUE_TYPES[sqlType];
  if (glueType === undefined) throw new RangeError(`no Glue type for SQL type "${String(sqlType)}"; expected one of ${Object.keys(GLUE_TYPES).join(', ')}`);
  return glueType;
}
