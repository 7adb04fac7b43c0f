/** The SQL twin of GB/T 4754-2017 classes agrees with parseIndustryCode, looking codes up in the reference table. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { allIndustries } from '../../../../etl/reference/gbt4754.ts';
import { parseIndustryCode } from '../../../../etl/schemas/parse/industry-code.ts';
import { INDUSTRY_CODE_TWIN } from '../../../../etl/schemas/sql/industry-code-sql.ts';
import { referenceTablesSql } from '../../../../etl/schemas/sql/reference-tables.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';
import { disagreements } from '../../../support/sql-twin-oracle.ts';

const engine = createDuckDbEngine({ threads: 1 });
beforeAll(async () => {
  for (const statement of referenceTablesSql()) await engine.execute(statement);
});
afterAll(() => engine.close());

const codes = allIndustries().map((entry) => entry.code);

describe('GB/T 4754-2017 classes in SQL', () => {
  it('agree on classes, groups, divisions, unknown codes, matching and wrong section letters, full-width forms', async () => {
    const texts = ['3915', 'C3915', 'c3915', 'A3915', '391', '39', 'C', '9999', '0000', '３９１５', 'Ｃ３９１５', '39150', 'X3915', '"3915"', '0111', 'A0111'];
    expect(await disagreements(engine, INDUSTRY_CODE_TWIN, parseIndustryCode, texts)).toEqual([]);
  });

  it('agree on every code of the classification, with and without a section letter', async () => {
    const texts = codes.flatMap((code) => [code, `C${code}`, `A${code}`]);
    for (let start = 0; start < texts.length; start += 2000) {
      expect(await disagreements(engine, INDUSTRY_CODE_TWIN, parseIndustryCode, texts.slice(start, start + 2000))).toEqual([]);
    }
  });

  it('agree on generated text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...codes), fieldText(['ABCT0123456789'], 6)), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, INDUSTRY_CODE_TWIN, parseIndustryCode, texts)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
