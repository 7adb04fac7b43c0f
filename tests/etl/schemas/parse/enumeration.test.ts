import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, PARTY_TYPES, PATENT_TYPES, TRADEMARK_STATUSES } from '../../../../etl/schemas/enums.ts';
import { EnumerationParser } from '../../../../etl/schemas/parse/enumeration.ts';
import { ParseFailure } from '../../../../etl/schemas/parse/parse-failure.ts';

describe('enumerations', () => {
  it.each([
    ['invention', 'invention'],
    ['发明', 'invention'],
    ['發明', 'invention'],
    ['实用新型', 'utility_model'],
    ['Utility Model', 'utility_model'],
    ['utility-model', 'utility_model'],
    ['外觀設計', 'design'],
    ['DESIGN', 'design'],
  ])('patent type %s → %s', (raw, value) => {
    expect(PATENT_TYPES.parse(raw)).toBe(value);
  });

  it('reads the Chinese words of other enumerations, simplified and traditional', () => {
    expect(PARTY_TYPES.parse('大专院校')).toBe('university');
    expect(PARTY_TYPES.parse('大專院校')).toBe('university');
    expect(PARTY_TYPES.parse('科研單位')).toBe('research_institute');
    expect(EVENT_TYPES.parse('轉讓')).toBe('transfer');
    expect(EVENT_TYPES.parse('license')).toBe('licence');
    expect(TRADEMARK_STATUSES.parse('已註冊')).toBe('registered');
  });

  it('lists the allowed values with their Chinese words', () => {
    expect(PATENT_TYPES.parse('专利')).toEqual(new ParseFailure('enum_value', 'expected one of invention (发明), utility_model (实用新型), design (外观设计), got "专利"'));
  });

  it('refuses a word that would mean two values', () => {
    expect(() => new EnumerationParser({ a: ['甲'], b: ['甲'] })).toThrow('enumeration word "甲" means both a and b');
  });
});
