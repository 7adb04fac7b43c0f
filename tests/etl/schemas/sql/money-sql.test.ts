/** The SQL twins of money agree with parse/money.ts on any text, for every sign. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { parseMoneyFen, type MoneySign } from '../../../../etl/schemas/parse/money.ts';
import { moneyTwin } from '../../../../etl/schemas/sql/money-sql.ts';
import { decimalUnitsText } from '../../../support/decimal-units-text.ts';
import { disagreements, sqlOutcomes } from '../../../support/sql-twin-oracle.ts';
import { decimalText } from '../../../support/decimal-text-arbitrary.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

const SIGNS: readonly MoneySign[] = ['non_negative', 'positive', 'any'];
const fenText = (fen: bigint) => decimalUnitsText(fen, 2);

const TEXTS = [
  // plain, grouped, signed, rounded half away from zero to the fen
  '0', '0.00', '1', '123.45', '1,234.56', '-5', '-0.05', '+0.01', '0.005', '0.004', '-0.005', '-0.004', '-0', '1.995', '12.3456789',
  // units and prefixes
  '12元', '12 元', '12\u3000元', '12.5万元', '12.5萬元', '0.000001万元', '0.000005万元', '-0.000005万元', '1.23456789万元', '12 万元', '万元', '元', '元元', '12元元', '12万', '12 万 元',
  '¥12', '￥12', '¥ 12', '￥\u300012.5', '¥\u00a012元', '¥12万元', '¥-12', '-¥12', '¥¥12', '¥', '12¥',
  // full-width
  '１２３．４５', '－１，２３４．５６元', '＋１２万元', '１２３４５６７８９０１２３４５６７８．９９',
  // DECIMAL(18,2) bounds, in yuan and in 万元
  '9999999999999999.99', '9999999999999999.994', '9999999999999999.995', '-9999999999999999.99', '-9999999999999999.995', '10000000000000000',
  '999999999999.9999999万元', '999999999999.99999995万元', '1000000000000万元', '２１４７４８３６４８．０萬元', '999999999999.999999万元', '-999999999999.9999995万元', '99999999999999999999万元', '000000000000000000000000000000012.5', '99999999999999999999999999999999999999999',
  // malformed, quotes, backslashes, non-ASCII
  '1,23', '1234,567', '1.', '.5', '1e3', '1 234', 'abc', '"12"', "12'5", '12\\5', '十二元', '١٢', '12美元', '12元整', '$12', '12.5 万元', '12.5　万元',
];

/** Amounts shaped like the accepted ones: a generated decimal with a unit and a currency sign, spaced or not. */
const moneyText = fc
  .record({ amount: decimalText, prefix: fc.constantFrom('', '', '¥', '￥', '¥ ', '￥\u3000'), unit: fc.constantFrom('', '', '元', ' 元', '万元', '萬元', '\u3000万元', '万') })
  .map(({ amount, prefix, unit }) => `${prefix}${amount}${unit}`);

describe('money in SQL', () => {
  it('agree on hand-picked values for every sign: units, prefixes, rounding, bounds, full-width, quotes and non-ASCII', async () => {
    for (const sign of SIGNS) {
      expect(await disagreements(engine, moneyTwin(sign), (text) => parseMoneyFen(text, sign), TEXTS, fenText)).toEqual([]);
    }
  });

  it('reach every rule and give DECIMAL(18,2) values', async () => {
    const texts = ['12.5万元', 'x', '1e30', '-1', '0'];
    expect((await sqlOutcomes(engine, moneyTwin('non_negative'), texts)).map((outcome) => outcome.rule)).toEqual([null, 'money_format', 'money_format', 'money_negative', null]);
    expect((await sqlOutcomes(engine, moneyTwin('positive'), texts)).map((outcome) => outcome.rule)).toEqual([null, 'money_format', 'money_format', 'money_not_positive', 'money_not_positive']);
    const outcomes = await sqlOutcomes(engine, moneyTwin('any'), ['12.5万元', '-0.005', '99999999999999999']);
    expect(outcomes.map((outcome) => [outcome.value, outcome.rule])).toEqual([['125000.00', null], ['-0.01', null], [null, 'money_out_of_range']]);
    const result = await engine.query<{ type: string }>(`SELECT typeof(${moneyTwin('any').value("'12元'")}) AS type`);
    expect(result.rows).toEqual([{ type: 'DECIMAL(18,2)' }]);
  });

  it('agree on generated text', async () => {
    const alphabets = ['0123456789.', '0123456789,.-', '0123456789.元万萬 ', '¥￥0123456789.,+-元万 \u3000', '０１２３４５６７８９，．＋－元万', '09.5,万元'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SIGNS), fc.array(fc.oneof(fieldText(alphabets, 24), moneyText), { minLength: 1, maxLength: 50 }), async (sign, texts) => {
        expect(await disagreements(engine, moneyTwin(sign), (text) => parseMoneyFen(text, sign), texts, fenText)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
