/** The SQL twins of digit-only numbers and category codes agree with the JavaScript parsers on any text. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { parseCategoryCode, parseDigits } from '../../../../etl/schemas/parse/simple-codes.ts';
import { CATEGORY_CODE_TWIN, DIGITS_TWIN } from '../../../../etl/schemas/sql/simple-codes-sql.ts';
import { disagreements } from '../../../support/sql-twin-oracle.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

describe('digits and category codes in SQL', () => {
  it('agree on hand-picked values: full-width digits, letters, signs, quotes, non-ASCII', async () => {
    const texts = ['0123', '１２３', '12a', '-1', "it's", '"q"', '数字', '7', '07', '０７', '8', '007', '1.0', '\\'];
    expect(await disagreements(engine, DIGITS_TWIN, parseDigits, texts)).toEqual([]);
    expect(await disagreements(engine, CATEGORY_CODE_TWIN, parseCategoryCode, texts)).toEqual([]);
  });

  it('agree on generated text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fieldText(['0123456789０１２３４５６７８９', '01234567']), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, DIGITS_TWIN, parseDigits, texts)).toEqual([]);
        expect(await disagreements(engine, CATEGORY_CODE_TWIN, parseCategoryCode, texts)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
