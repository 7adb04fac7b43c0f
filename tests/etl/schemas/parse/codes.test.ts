import { describe, expect, it } from 'vitest';
import { parseCityCode } from '../../../../etl/schemas/parse/city-code.ts';
import { parseIndustryCode } from '../../../../etl/schemas/parse/industry-code.ts';
import { ParseFailure } from '../../../../etl/schemas/parse/parse-failure.ts';
import { applicationNoCheckDigit, parseApplicationNo, patentTypeOfApplicationNo } from '../../../../etl/schemas/parse/patent-application-no.ts';
import { parseUscc, usccCheckCharacter } from '../../../../etl/schemas/parse/uscc.ts';

describe('parseUscc (GB 32100-2015)', () => {
  it.each(['914403001922038216', '91350100M000100Y43', '91110000802100433B', '9144030071526726XG'])('accepts the real code %s', (code) => {
    expect(parseUscc(code)).toBe(code);
  });

  it('upper-cases and folds full-width characters', () => {
    expect(parseUscc('91350100m000100y43')).toBe('91350100M000100Y43');
    expect(parseUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
  });

  it('names the expected check character', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(parseUscc('91350100M000100Y45')).toEqual(new ParseFailure('uscc_check', 'check character is 5, expected 3 (91350100M000100Y45)'));
  });

  it('rejects a wrong length and the letters I O Z S V', () => {
    expect(parseUscc('91350100M000100Y4')).toEqual(new ParseFailure('uscc_length', 'expected 18 characters, got 17 ("91350100M000100Y4")'));
    expect(parseUscc('91350100M0O0100Y43')).toEqual(
      new ParseFailure('uscc_charset', 'characters "O" are not allowed (expected 0-9 and A-Z without I, O, Z, S, V) in "91350100M0O0100Y43"'),
    );
  });
});

describe('parseApplicationNo', () => {
  it('verifies the check digit and normalises', () => {
    expect(applicationNoCheckDigit('201710601862')).toBe('3');
    expect(parseApplicationNo('201710601862.3')).toBe('201710601862.3');
    expect(parseApplicationNo('CN201710601862.3')).toBe('201710601862.3');
    expect(parseApplicationNo('CN 2017 1060 1862.3')).toBe('201710601862.3');
    expect(parseApplicationNo('ZL201710601862.3')).toBe('201710601862.3');
    expect(parseApplicationNo('2017106018623')).toBe('201710601862.3');
    expect(parseApplicationNo('２０１７１０６０１８６２．３')).toBe('201710601862.3');
  });

  it('accepts an 8-digit pre-2003 number with weights 2…9', () => {
    // 9 8 1 2 3 4 5 6 × 2…9 = 18+24+4+10+18+28+40+54 = 196; 196 mod 11 = 9
    expect(parseApplicationNo('98123456.9')).toBe('98123456.9');
    expect(patentTypeOfApplicationNo('98123456.9')).toBe('invention');
  });

  it('writes a check value of 10 as X', () => {
    // 2 0 1 9 1 0 0 0 0 0 1 6 × 2,3,4,5,6,7,8,9,2,3,4,5 = 4+0+4+45+6+0+0+0+0+0+4+30 = 93; 93 mod 11 = 5.
    expect(applicationNoCheckDigit('201910000016')).toBe('5');
    // …0 2 4 → 4+0+4+45+6+0+0+0+0+0+8+20 = 87; 87 mod 11 = 10 → X.
    expect(applicationNoCheckDigit('201910000024')).toBe('X');
    expect(parseApplicationNo('201910000024.x')).toBe('201910000024.X');
  });

  it('names the expected check digit', () => {
    expect(parseApplicationNo('201710601862.5')).toEqual(new ParseFailure('application_no_check', 'check digit is 5, expected 3 (201710601862.5)'));
  });

  it('rejects malformed numbers and unknown type digits', () => {
    expect(parseApplicationNo('20171060186.3')).toEqual(
      new ParseFailure('application_no_format', 'expected 12 digits + "." + check digit (8 + 1 before 2003), optionally prefixed CN, e.g. 201710601862.3, got "20171060186.3"'),
    );
    const digits = '201750601862';
    const number = `${digits}.${applicationNoCheckDigit(digits)}`;
    expect(parseApplicationNo(number)).toEqual(new ParseFailure('application_no_type', `type digit (digit 5) is 5, expected 1, 2, 3, 8 or 9 (${number})`));
  });

  it.each([
    ['201710601862.3', 'invention'],
    ['201820601862.X', 'utility_model'],
    ['201930601862.0', 'design'],
    ['201980601862.0', 'invention'],
    ['201990601862.0', 'utility_model'],
  ])('reads the type digit of %s as %s', (number, type) => {
    expect(patentTypeOfApplicationNo(number)).toBe(type);
  });
});

describe('parseCityCode (GB/T 2260 roll-up)', () => {
  it.each([
    ['440305', '440300'], // 南山区 → 深圳市
    ['440300', '440300'],
    ['110108', '110000'], // 海淀区 → 北京市
    ['120116', '120000'], // 滨海新区 → 天津市
    ['310115', '310000'], // 浦东新区 → 上海市
    ['500103', '500000'], // 渝中区 → 重庆市
    ['500230', '500000'], // 丰都县 (a 5002xx county) → 重庆市
    ['110000', '110000'],
    ['429004', '429004'], // 仙桃市, province-administered: its own city
    ['419001', '419001'], // 济源市
    ['441900', '441900'], // 东莞市, no districts
    ['442000', '442000'], // 中山市
    ['460400', '460400'], // 儋州市
    ['620200', '620200'], // 嘉峪关市
  ])('rolls %s up to %s and keeps the code as given', (code, city) => {
    expect(parseCityCode(code)).toEqual({ city, admin: code });
  });

  it('reads full-width digits', () => {
    expect(parseCityCode('４４０３０５')).toEqual({ city: '440300', admin: '440305' });
  });

  it('rejects unknown codes naming the code', () => {
    expect(parseCityCode('440399')).toEqual(new ParseFailure('city_code_unknown', '440399 is not a GB/T 2260 administrative division code'));
    expect(parseCityCode('4403')).toEqual(new ParseFailure('city_code_format', 'expected a six-digit GB/T 2260 code such as 440305, got "4403"'));
  });

  it('rejects province-level codes and province-administered groupings', () => {
    expect(parseCityCode('440000')).toEqual(new ParseFailure('city_code_not_city', '440000 (广东省) is a province code; expected a city, county or district code'));
    expect(parseCityCode('429000')).toEqual(
      new ParseFailure('city_code_not_city', '429000 (湖北省-自治区直辖县级行政区划) is a county group code; expected a city, county or district code'),
    );
  });
});

describe('parseIndustryCode (GB/T 4754-2017)', () => {
  it('accepts four-digit classes, with or without their section letter', () => {
    expect(parseIndustryCode('3915')).toBe('3915');
    expect(parseIndustryCode('C3915')).toBe('3915');
    expect(parseIndustryCode('６５３１')).toBe('6531');
  });

  it('rejects unknown codes, higher levels and a wrong section', () => {
    expect(parseIndustryCode('3999')).toEqual(new ParseFailure('industry_code_unknown', '3999 is not a GB/T 4754-2017 code'));
    expect(parseIndustryCode('391')).toEqual(new ParseFailure('industry_code_not_class', '391 (计算机制造) is a group; expected a four-digit class'));
    expect(parseIndustryCode('A3915')).toEqual(new ParseFailure('industry_code_section', '3915 (信息安全设备制造) is in section C, not A ("A3915")'));
    expect(parseIndustryCode('39150')).toEqual(new ParseFailure('industry_code_format', 'expected a four-digit GB/T 4754-2017 class such as 3915, got "39150"'));
  });
});
