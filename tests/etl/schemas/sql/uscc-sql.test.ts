/** The SQL twin of unified social credit codes agrees with parseUscc on any text. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { parseUscc, usccCheckCharacter } from '../../../../etl/schemas/parse/uscc.ts';
import { USCC_TWIN } from '../../../../etl/schemas/sql/uscc-sql.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';
import { disagreements } from '../../../support/sql-twin-oracle.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 17 characters of the alphabet and their right check character: a valid code. */
const validCode = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 17, maxLength: 17 }).map((first17) => first17 + usccCheckCharacter(first17));

describe('unified social credit codes in SQL', () => {
  it('agree on valid codes, a wrong check character, bad characters, lengths, lower case and full-width forms', async () => {
    const texts = ['91440300MA5DC6QX9X', '91440300ma5dc6qx9x', '９１４４０３００ＭＡ５ＤＣ６ＱＸ９Ｘ', '91440300MA5DC6QX9Y', '91440300MA5DC6QXIX', '91440300MA5DC6QX9', '91440300MA5DC6QX9XX', '9144030OMA5DC6QXSV', '91440300MA5DC6Q"9X', '9144030😀MA5DC6QX9X', '甲', 'ﬀ!', '91440300MA5DC6QXß', 'ŉ'];
    expect(await disagreements(engine, USCC_TWIN, parseUscc, texts)).toEqual([]);
  });

  it('agree on generated valid codes, their one-character mutations and any text', async () => {
    const mutated = fc.tuple(validCode, fc.nat(17), fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcz')).map(([valid, at, char]) => valid.slice(0, at) + char + valid.slice(at + 1));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(validCode, mutated, fieldText([ALPHABET + 'IOSVZ'], 20)), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, USCC_TWIN, parseUscc, texts)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
