/** The SQL twin of whole numbers agrees with parse/integer.ts on any text and any range. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { parseInteger } from '../../../../etl/schemas/parse/integer.ts';
import { integerTwin } from '../../../../etl/schemas/sql/integer-sql.ts';
import { disagreements, sqlOutcomes } from '../../../support/sql-twin-oracle.ts';
import { decimalText } from '../../../support/decimal-text-arbitrary.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

const INTEGER_MIN = -2_147_483_648;
const INTEGER_MAX = 2_147_483_647;

/** The ranges fields.ts uses: counts ≥ 0 or ≥ 1, Nice classes, years, and all of INTEGER. */
const RANGES: readonly (readonly [number, number])[] = [
  [0, INTEGER_MAX],
  [1, INTEGER_MAX],
  [1, 45],
  [1900, 2100],
  [INTEGER_MIN, INTEGER_MAX],
];

const TEXTS = [
  '0', '1', '12', '+12', '-12', '-0', '+0', '007', '1,234', '12,345,678', '1,23', '1234,567', ',123', '1,,234', '1,234,', '1.0', '1.', '.5', '12e3', '0x1F',
  '１２', '－１２', '＋１，２３４', '1 234', '45', '46', '1899', '1900', '2100', '2101',
  '2147483647', '2147483648', '-2147483648', '-2147483649', '2,147,483,647', '2,147,483,648', '00000000000000000000002147483647',
  '99999999999999999999999999', '-99999999999999999999999999', '9007199254740993', '1000000000000000000', '999999999999999999',
  '"12"', "1'2", '1\\2', '十二', '١٢', '12个', 'a',
];

describe('whole numbers in SQL', () => {
  it('agree on hand-picked values for every range fields.ts uses', async () => {
    for (const [min, max] of RANGES) {
      expect(await disagreements(engine, integerTwin(min, max), (text) => parseInteger(text, min, max), TEXTS)).toEqual([]);
    }
  });

  it('reach both rules and give INTEGER values', async () => {
    const outcomes = await sqlOutcomes(engine, integerTwin(1, 45), ['12', '1.5', '46']);
    expect(outcomes.map((outcome) => outcome.rule)).toEqual([null, 'integer_format', 'integer_range']);
    const result = await engine.query<{ type: string }>(`SELECT typeof(${integerTwin(1, 45).value("'12'")}) AS type`);
    expect(result.rows).toEqual([{ type: 'INTEGER' }]);
  });

  it('refuse a range beyond INTEGER', () => {
    expect(() => integerTwin(0, 2 ** 31)).toThrow('integerTwin: [0, 2147483648] is not a range within INTEGER [-2147483648, 2147483647]');
  });

  it('agree on generated text', async () => {
    const alphabets = ['0123456789', '0123456789,', '0123456789,.+-', '０１２３４５６７８９，．＋－'];
    const range = fc.constantFrom(...RANGES);
    await fc.assert(
      fc.asyncProperty(range, fc.array(fc.oneof(fieldText(alphabets, 14), decimalText), { minLength: 1, maxLength: 50 }), async ([min, max], texts) => {
        expect(await disagreements(engine, integerTwin(min, max), (text) => parseInteger(text, min, max), texts)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
