import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../../../etl/schemas/parse/boolean.ts';
import { toHalfWidth } from '../../../../etl/schemas/parse/half-width.ts';
import { parseInteger } from '../../../../etl/schemas/parse/integer.ts';
import { parseIpc } from '../../../../etl/schemas/parse/ipc.ts';
import { ParseFailure } from '../../../../etl/schemas/parse/parse-failure.ts';
import { parseCategoryCode, parseDigits } from '../../../../etl/schemas/parse/simple-codes.ts';

describe('toHalfWidth', () => {
  it('folds full-width digits, letters, brackets and the ideographic space', () => {
    expect(toHalfWidth('０１２３４５６７８９')).toBe('0123456789');
    expect(toHalfWidth('ＣＮ２０１７（万元）　，．')).toBe('CN2017(万元) ,.');
    expect(toHalfWidth('申请号')).toBe('申请号');
  });
});

describe('parseInteger', () => {
  it('reads separators and full-width digits within the range', () => {
    expect(parseInteger('1,234', 0, 10_000)).toBe(1234);
    expect(parseInteger('４５', 1, 45)).toBe(45);
    expect(parseInteger('0', 0, 10)).toBe(0);
    expect(parseInteger('-0', 0, 10)).toBe(0);
    expect(parseInteger('-1,000', -5000, 0)).toBe(-1000);
  });

  it('rejects decimals and values out of range', () => {
    expect(parseInteger('1.5', 0, 10)).toEqual(new ParseFailure('integer_format', 'expected a whole number such as 12 or 1,234, got "1.5"'));
    expect(parseInteger('46', 1, 45)).toEqual(new ParseFailure('integer_range', 'expected a whole number from 1 to 45, got "46"'));
    expect(parseInteger('0', 1, 45)).toEqual(new ParseFailure('integer_range', 'expected a whole number from 1 to 45, got "0"'));
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['FALSE', false],
    ['1', true],
    ['0', false],
    ['１', true],
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    ['Yes', true],
  ])('reads %s as %s', (raw, expected) => {
    expect(parseBoolean(raw)).toBe(expected);
  });

  it('rejects other words, and takes extra true words only when given', () => {
    expect(parseBoolean('对')).toEqual(new ParseFailure('boolean_format', 'expected true/false, 1/0, 是/否 or Y/N, got "对"'));
    expect(parseBoolean('*')).toEqual(new ParseFailure('boolean_format', 'expected true/false, 1/0, 是/否 or Y/N, got "*"'));
    expect(parseBoolean('*', new Set(['*']))).toBe(true);
  });
});

describe('parseIpc', () => {
  it('normalises to "H04L 29/06"', () => {
    expect(parseIpc('H04L 29/06')).toBe('H04L 29/06');
    expect(parseIpc('h04l29/06')).toBe('H04L 29/06');
    expect(parseIpc('G06F 16/9535(2019.01)')).toBe('G06F 16/9535');
    expect(parseIpc('H04L')).toEqual(new ParseFailure('ipc_format', 'expected an IPC symbol such as H04L 29/06, got "H04L"'));
  });
});

describe('simple codes', () => {
  it('accepts digits only', () => {
    expect(parseDigits('１２３4')).toBe('1234');
    expect(parseDigits('G123')).toEqual(new ParseFailure('digits_only', 'expected digits only, got "G123"'));
  });

  it('reads category codes 01–07', () => {
    expect(parseCategoryCode('01')).toBe('01');
    expect(parseCategoryCode('7')).toBe('07');
    expect(parseCategoryCode('08')).toEqual(new ParseFailure('category_code_range', 'expected a category code from 01 to 07, got "08"'));
    expect(parseCategoryCode('00')).toEqual(new ParseFailure('category_code_range', 'expected a category code from 01 to 07, got "00"'));
  });
});
