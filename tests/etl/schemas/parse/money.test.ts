import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../../etl/schemas/parse/decimal.ts';
import { parseMoneyFen } from '../../../../etl/schemas/parse/money.ts';
import { ParseFailure } from '../../../../etl/schemas/parse/parse-failure.ts';

describe('parseMoneyFen', () => {
  it.each([
    ['0', 0n],
    ['1234.56', 123456n],
    ['1,234.56', 123456n],
    ['1,234,567', 123456700n],
    ['１，２３４．５６', 123456n],
    ['12.3456万元', 12345600n],
    ['12.3456萬元', 12345600n],
    ['12.3456 万元', 12345600n],
    ['3万元', 3000000n],
    ['100元', 10000n],
    ['¥1,000.5', 100050n],
    ['0.005', 1n],
    ['0.0049', 0n],
    ['-0.005', -1n],
    ['1.234567万元', 1234567n],
    ['0.0000005万元', 1n],
    ['9999999999999999.99', 999999999999999999n],
  ])('reads %s as %s fen', (raw, fen) => {
    expect(parseMoneyFen(raw, 'any')).toBe(fen);
  });

  it('keeps money exact where a float would not (0.1 + 0.2)', () => {
    expect((parseMoneyFen('0.1', 'any') as bigint) + (parseMoneyFen('0.2', 'any') as bigint)).toBe(30n);
    expect(parseMoneyFen('90071992547409.93', 'any')).toBe(9007199254740993n);
  });

  it('applies the sign rule of the column', () => {
    expect(parseMoneyFen('-5', 'any')).toBe(-500n);
    expect(parseMoneyFen('-5', 'non_negative')).toEqual(new ParseFailure('money_negative', 'expected an amount ≥ 0, got "-5"'));
    expect(parseMoneyFen('0', 'non_negative')).toBe(0n);
    expect(parseMoneyFen('0', 'positive')).toEqual(new ParseFailure('money_not_positive', 'expected an amount > 0, got "0"'));
    expect(parseMoneyFen('0.001', 'positive')).toEqual(new ParseFailure('money_not_positive', 'expected an amount > 0, got "0.001"'));
  });

  it('rejects malformed amounts and amounts beyond DECIMAL(18,2)', () => {
    const format = (raw: string) => new ParseFailure('money_format', `expected an amount in yuan such as 1234.56, 1,234.56 or 12.5万元, got ${JSON.stringify(raw)}`);
    expect(parseMoneyFen('12,34.5', 'any')).toEqual(format('12,34.5'));
    expect(parseMoneyFen('1.2.3', 'any')).toEqual(format('1.2.3'));
    expect(parseMoneyFen('abc', 'any')).toEqual(format('abc'));
    expect(parseMoneyFen('1e5', 'any')).toEqual(format('1e5'));
    expect(parseMoneyFen('10000000000000000', 'any')).toEqual(
      new ParseFailure('money_out_of_range', '"10000000000000000" does not fit DECIMAL(18,2) (at most 9,999,999,999,999,999.99 yuan)'),
    );
    expect(parseMoneyFen('1000000000000万元', 'any')).toEqual(
      new ParseFailure('money_out_of_range', '"1000000000000万元" does not fit DECIMAL(18,2) (at most 9,999,999,999,999,999.99 yuan)'),
    );
  });
});

describe('parseDecimal', () => {
  it('scales to ten-thousandths with rounding half away from zero', () => {
    expect(parseDecimal('1.5', 4)).toBe(15000n);
    expect(parseDecimal('1,000.00005', 4)).toBe(10000001n);
    expect(parseDecimal('-0.00005', 4)).toBe(-1n);
    expect(parseDecimal('x', 4)).toEqual(new ParseFailure('number_format', 'expected a decimal number such as 1234.5 or 1,234.5, got "x"'));
  });
});
