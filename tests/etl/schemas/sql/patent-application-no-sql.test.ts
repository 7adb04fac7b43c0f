/** The SQL twin of patent application numbers agrees with parseApplicationNo on any text. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { applicationNoCheckDigit, parseApplicationNo } from '../../../../etl/schemas/parse/patent-application-no.ts';
import { APPLICATION_NO_TWIN } from '../../../../etl/schemas/sql/patent-application-no-sql.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';
import { disagreements } from '../../../support/sql-twin-oracle.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

/** 12 or 8 digits with their right check digit, written in one of the accepted ways. */
const numbers = fc
  .tuple(fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 12, maxLength: 12 }), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 8 })), fc.constantFrom('', 'CN', 'ZL', 'cn'), fc.constantFrom('.', ''), fc.boolean())
  .map(([digits, prefix, point, wrong]) => {
    const check = applicationNoCheckDigit(digits);
    const written = wrong ? (check === '0' ? '1' : '0') : check;
    return `${prefix}${digits}${point}${written}`;
  });

describe('patent application numbers in SQL', () => {
  it('agree on prefixes, spaces, full-width forms, X, wrong check and type digits', async () => {
    const texts = ['201710601862.3', 'CN201710601862.3', 'ZL 2017 1060 1862.3', '2017106018623', '２０１７１０６０１８６２．３', 'cn201710601862.3', '201710601862.4', '201740601862.3', '88100001.X', '88100001.x', '89400001.1', '2017106018\u00a062.3', '20171060186.3', '"1"'];
    expect(await disagreements(engine, APPLICATION_NO_TWIN, parseApplicationNo, texts)).toEqual([]);
  });

  it('agree on generated numbers, right or wrong, and on any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(numbers, fieldText(['0123456789.XCNZL '])), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, APPLICATION_NO_TWIN, parseApplicationNo, texts)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
