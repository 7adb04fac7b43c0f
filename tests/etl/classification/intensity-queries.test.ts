import { TrinoSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { CLASS_INTENSITY_SQL, INTENSITY_YEARS_SQL, OFFICIAL_CLASSES_SQL } from '../../../etl/classification/intensity-queries.ts';
import { rewriteNamedParameters } from '../../../etl/engines/named-parameters.ts';
import { loadTrinoFunctionList } from '../../../etl/engines/trino-function-list.ts';

const QUERIES = { INTENSITY_YEARS_SQL, CLASS_INTENSITY_SQL, OFFICIAL_CLASSES_SQL };

describe('intensity analysis queries are portable', () => {
  it.each(Object.entries(QUERIES))('%s parses with the Trino grammar (parameters as ?)', (_name, sql) => {
    expect(new TrinoSQL().validate(rewriteNamedParameters(sql, () => '?').sql)).toEqual([]);
  });

  it('call only functions Trino has', async () => {
    const trinoFunctions = await loadTrinoFunctionList();
    const called = Object.values(QUERIES).flatMap((sql) => [...sql.toLowerCase().matchAll(/\b([a-z_][a-z0-9_]*)\s*\(/g)].map((m) => m[1]!));
    expect([...new Set(called)].filter((fn) => !['as', 'cast'].includes(fn) && !trinoFunctions.has(fn))).toEqual([]);
    expect(new Set(called)).toEqual(new Set(['cast', 'max']));
  });
});
