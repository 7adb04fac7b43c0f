import { describe, expect, it } from 'vitest';
import { parseApplicationNoList } from '../../../../etl/schemas/parse/application-no-list.ts';
import { ParseFailure } from '../../../../etl/schemas/parse/parse-failure.ts';

describe('parseApplicationNoList', () => {
  it('splits on ; ； , ， 、 and spaces, normalises each number, drops repeats and keeps the given order', () => {
    expect(parseApplicationNoList('202110012345.9、CN201710601862.3 202110012345.9;2017106018623')).toBe('202110012345.9;201710601862.3');
    expect(parseApplicationNoList('２０１７１０６０１８６２．３')).toBe('201710601862.3');
  });

  it('reads spaces inside one number as part of it when the words are not numbers on their own', () => {
    expect(parseApplicationNoList('ZL 2017 1060 1862.3')).toBe('201710601862.3');
  });

  it('names the position and the rule of a bad number', () => {
    const failure = parseApplicationNoList('201710601862.3; 202110012345.1');
    expect(failure).toEqual(
      new ParseFailure('application_no_check', 'application number 2 of the list "201710601862.3; 202110012345.1": check digit is 1, expected 9 (202110012345.1)'),
    );
  });

  it('refuses a list of separators only', () => {
    expect(parseApplicationNoList(';；,')).toEqual(new ParseFailure('application_no_format', 'expected one or more application numbers, got ";；,"'));
  });
});
