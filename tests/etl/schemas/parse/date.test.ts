import { describe, expect, it } from 'vitest';
import { parseDate, parsePeriod } from '../../../../etl/schemas/parse/date.ts';
import { ParseFailure } from '../../../../etl/schemas/parse/parse-failure.ts';

describe('parseDate', () => {
  it.each([
    ['2023-01-05', '2023-01-05'],
    ['2023/1/5', '2023-01-05'],
    ['2023.12.31', '2023-12-31'],
    ['20230105', '2023-01-05'],
    ['2023年1月5日', '2023-01-05'],
    ['2023年 11 月 05 日', '2023-11-05'],
    ['２０２３－０１－０５', '2023-01-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %s as %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it.each([
    ['2023-02-29', 'date_invalid', '"2023-02-29" is not a real calendar date'],
    ['2023-02-30', 'date_invalid', '"2023-02-30" is not a real calendar date'],
    ['1900-02-29', 'date_invalid', '"1900-02-29" is not a real calendar date'],
    ['2023-13-01', 'date_invalid', '"2023-13-01" is not a real calendar date'],
    ['2023-04-31', 'date_invalid', '"2023-04-31" is not a real calendar date'],
    ['0202-01-01', 'date_out_of_range', '"0202-01-01" is outside 1900–2100'],
    ['2023/01-05', 'date_format', 'expected a date as YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD or YYYY年M月D日, got "2023/01-05"'],
    ['2023015', 'date_format', 'expected a date as YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD or YYYY年M月D日, got "2023015"'],
    ['05/01/2023', 'date_format', 'expected a date as YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD or YYYY年M月D日, got "05/01/2023"'],
  ])('rejects %s with %s', (raw, rule, message) => {
    expect(parseDate(raw)).toEqual(new ParseFailure(rule, message));
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2023-01', '2023-01-01'],
    ['2023-1', '2023-01-01'],
    ['202312', '2023-12-01'],
    ['2023年3月', '2023-03-01'],
    ['２０２３年１２月', '2023-12-01'],
  ])('reads %s as the first day %s', (raw, expected) => {
    expect(parsePeriod(raw)).toBe(expected);
  });

  it('rejects month 13 and other shapes', () => {
    expect(parsePeriod('2023-13')).toEqual(new ParseFailure('period_invalid', '"2023-13" is not a real month'));
    expect(parsePeriod('2023-01-05')).toEqual(new ParseFailure('period_format', 'expected a month as YYYY-MM, YYYYMM or YYYY年M月, got "2023-01-05"'));
  });
});
