/** The SQL twin of quantities agrees with parse/decimal.ts and fields.ts `quantity` on any text. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { fieldParserOf } from '../../../../etl/schemas/field-parser.ts';
import { quantity } from '../../../../etl/schemas/fields.ts';
import { quantityTwin } from '../../../../etl/schemas/sql/decimal-sql.ts';
import { disagreements, sqlOutcomes } from '../../../support/sql-twin-oracle.ts';
import { decimalUnitsText } from '../../../support/decimal-units-text.ts';
import { decimalText } from '../../../support/decimal-text-arbitrary.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

/** The oracle is the parser fields.ts builds for a quantity: parseDecimal at scale 4, then number_negative. */
const parseQuantity = fieldParserOf(quantity({ zh: '数量', zhHant: '數量', required: true }), 'decimal-sql.test').parse;
const quantityText = (units: bigint) => decimalUnitsText(units, 4);

const quantityTwinOfFields = quantityTwin();

const TEXTS = [
  '0', '1', '1.5', '12.3456', '12.34565', '12.34564', '0.00005', '0.00004', '-0.00004', '-0.00005', '-0', '-1', '+1.5', '1,234.5', '1,234,567.8901',
  '1,23.4', '1234,567', '1.', '.5', '1..2', '1.2.3', '1e3', '１，２３４．５', '－１', '＋０．５', '1 234',
  '99999999999999.9999', '99999999999999.99994', '99999999999999.99995', '100000000000000', '999999999999999999999999999999', '000000000000000000000000000001.5',
  '-99999999999999.9999', '-99999999999999.99995', '"1.5"', "1'5", '1\\5', '一点五', '١٫٥', '1.5吨',
];

describe('quantities in SQL', () => {
  it('agree on hand-picked values: rounding, grouping, full-width, DECIMAL(18,4) bounds, quotes and non-ASCII', async () => {
    expect(await disagreements(engine, quantityTwinOfFields, parseQuantity, TEXTS, quantityText)).toEqual([]);
  });

  it('reach every rule and give DECIMAL(18,4) values', async () => {
    const outcomes = await sqlOutcomes(engine, quantityTwinOfFields, ['1.5', 'x', '100000000000000', '-1']);
    expect(outcomes.map((outcome) => outcome.rule)).toEqual([null, 'number_format', 'number_out_of_range', 'number_negative']);
    expect(outcomes[0]!.value).toBe('1.5000');
    const result = await engine.query<{ type: string }>(`SELECT typeof(${quantityTwinOfFields.value("'1.5'")}) AS type`);
    expect(result.rows).toEqual([{ type: 'DECIMAL(18,4)' }]);
  });

  it('agree on generated text', async () => {
    const alphabets = ['0123456789.', '0123456789,.', '0123456789,.+-', '０１２３４５６７８９，．＋－', '09.5,'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fieldText(alphabets, 24), decimalText), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, quantityTwinOfFields, parseQuantity, texts, quantityText)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
