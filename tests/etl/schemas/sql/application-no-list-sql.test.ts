/** The SQL twin of application-number lists agrees with parseApplicationNoList on any text. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { parseApplicationNoList } from '../../../../etl/schemas/parse/application-no-list.ts';
import { applicationNoCheckDigit } from '../../../../etl/schemas/parse/patent-application-no.ts';
import { APPLICATION_NO_LIST_TWIN } from '../../../../etl/schemas/sql/application-no-list-sql.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';
import { disagreements } from '../../../support/sql-twin-oracle.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

const digitString = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

/** 12 or 8 digits, the type digit mostly a known one. */
const digits = fc.oneof(
  fc.tuple(digitString(4), fc.constantFrom(...'123894'), digitString(7)).map((parts) => parts.join('')),
  fc.tuple(digitString(2), fc.constantFrom(...'1235'), digitString(5)).map((parts) => parts.join('')),
);

/** One number, mostly right, written in one of the accepted ways (prefix, point, inner spaces, full-width). */
const number = fc
  .tuple(digits, fc.constantFrom('', 'CN', 'ZL', 'cn', 'CN '), fc.constantFrom('.', ''), fc.nat(4).map((n) => n === 0), fc.boolean(), fc.boolean())
  .map(([digits, prefix, point, wrong, spaced, fullWidth]) => {
    const check = applicationNoCheckDigit(digits);
    const body = spaced ? digits.replace(/(\d{4})(?=\d)/g, '$1 ') : digits;
    const written = `${prefix}${body}${point}${wrong ? (check === '0' ? '1' : '0') : check}`;
    return fullWidth ? written.replace(/[0-9.]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)) : written;
  });

/** A few numbers (a repeat now and then) joined by the list's separators, empty parts included. */
const list = fc
  .array(fc.tuple(number, fc.constantFrom(';', '；', ',', '，', '、', ' ', '\u3000', '; ', ';;', ' , ', '\u00a0')), { minLength: 1, maxLength: 5 })
  .chain((items) => fc.constantFrom(items, [...items, items[0]!]))
  .map((items) => items.map(([text, separator], index) => (index === 0 ? text : `${separator}${text}`)).join(''));

describe('application-number lists in SQL', () => {
  it('agree on separators, inner spaces, duplicates, empty parts, each failure rule and quotes in messages', async () => {
    const texts = [
      '201710601862.3',
      '201710601862.3;202110012345.6',
      '201710601862.3；88100001.X，201710601862.3、ZL 2017 1060 1862.3',
      '201710601862.3 88100001.X',
      'CN 2017 1060 1862.3',
      '2017 1060 1862.3 88100001.X',
      '201710601862.3, 201710601862.4',
      '201710601862.3;201740601862.3',
      '201710601862.3;;abc',
      ';',
      ';；,，、',
      ';201710601862.3;',
      '88100001.X\u3000２０１７１０６０１８６２．３',
      'a"b\\c;201710601862.3',
      '专利;201710601862.3',
      '201710601862.3\u00a0201710601862.3',
      '201710601862.3 x',
    ];
    expect(await disagreements(engine, APPLICATION_NO_LIST_TWIN, parseApplicationNoList, texts)).toEqual([]);
  });

  it('agree on generated lists, right or wrong, and on any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(list, fieldText(['0123456789.XCNZL ;；,，、', '0123456789; '], 40)), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, APPLICATION_NO_LIST_TWIN, parseApplicationNoList, texts)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
