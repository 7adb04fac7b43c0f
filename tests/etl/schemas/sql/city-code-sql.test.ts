/** The SQL twin of GB/T 2260 codes agrees with parseCityCode, looking codes up in the reference table. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { allDivisions } from '../../../../etl/reference/gbt2260.ts';
import { parseCityCode, type CityCodePair } from '../../../../etl/schemas/parse/city-code.ts';
import { CITY_CODE_TWIN } from '../../../../etl/schemas/sql/city-code-sql.ts';
import { referenceTablesSql } from '../../../../etl/schemas/sql/reference-tables.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';
import { disagreements } from '../../../support/sql-twin-oracle.ts';

const engine = createDuckDbEngine({ threads: 1 });
beforeAll(async () => {
  for (const statement of referenceTablesSql()) await engine.execute(statement);
});
afterAll(() => engine.close());

/** DuckDB's text of STRUCT(city, admin). */
const pairText = (pair: CityCodePair) => `{'city': ${pair.city}, 'admin': ${pair.admin}}`;
const codes = allDivisions().map((division) => division.code);

describe('GB/T 2260 codes in SQL', () => {
  it('agree on districts, cities, provinces, municipalities, unknown codes and full-width forms', async () => {
    const texts = ['440305', '440300', '440000', '310000', '310115', '999999', '４４０３０５', '44030', '4403055', 'a40305', '"440305"'];
    expect(await disagreements(engine, CITY_CODE_TWIN, parseCityCode, texts, pairText as (value: never) => string)).toEqual([]);
  });

  it('agree on every code of the reference table', async () => {
    for (let start = 0; start < codes.length; start += 2000) {
      expect(await disagreements(engine, CITY_CODE_TWIN, parseCityCode, codes.slice(start, start + 2000), pairText as (value: never) => string)).toEqual([]);
    }
  });

  it('agree on generated text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...codes), fieldText(['0123456789０１２３'], 8)), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, CITY_CODE_TWIN, parseCityCode, texts, pairText as (value: never) => string)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
