import { describe, expect, it } from 'vitest';
import { applicationNumber, generateUscc, organisationCodeCheckChar, SerialCounter, withWrongApplicationCheckDigit, withWrongUsccCheckChar } from '../../../etl/sample/sample-identifiers.ts';
import { SeededRandom } from '../../../etl/sample/seeded-random.ts';
import { parseApplicationNo, patentTypeOfApplicationNo } from '../../../etl/schemas/parse/patent-application-no.ts';
import { parseUscc } from '../../../etl/schemas/parse/uscc.ts';
import { ParseFailure } from '../../../etl/schemas/parse/parse-failure.ts';

describe('sample identifiers', () => {
  it('computes the GB 11714 organisation code check by hand-checked sums', () => {
    // 1·3 + 2·7 + 3·9 + 4·10 + 5·5 + 6·8 + 7·4 + 8·2 = 201; 201 mod 11 = 3; 11 − 3 = 8.
    expect(organisationCodeCheckChar('12345678')).toBe('8');
    // Letters count from A = 10: 10·3 = 30; 30 mod 11 = 8; 11 − 8 = 3.
    expect(organisationCodeCheckChar('A0000000')).toBe('3');
  });

  it('generates USCCs that the project parser accepts, with the registrant and admin code in place', () => {
    const random = new SeededRandom(11);
    for (const registrant of ['enterprise', 'cooperative', 'public_institution', 'government', 'social_organisation'] as const) {
      for (let i = 0; i < 50; i++) {
        const uscc = generateUscc(random, registrant, '440305');
        expect(parseUscc(uscc)).toBe(uscc);
        expect(uscc.slice(2, 8)).toBe('440305');
        expect(organisationCodeCheckChar(uscc.slice(8, 16))).toBe(uscc[16]);
      }
    }
    expect(generateUscc(new SeededRandom(1), 'public_institution', '310115').slice(0, 2)).toBe('12');
  });

  it('makes a wrong USCC check character that fails only the check', () => {
    const random = new SeededRandom(12);
    const uscc = generateUscc(random, 'enterprise', '330106');
    const wrong = withWrongUsccCheckChar(uscc, random);
    expect(wrong.slice(0, 17)).toBe(uscc.slice(0, 17));
    const failure = parseUscc(wrong);
    expect(failure).toBeInstanceOf(ParseFailure);
    expect((failure as ParseFailure).rule).toBe('uscc_check');
  });

  it('writes application numbers with the check digit and type digit the parser expects', () => {
    expect(applicationNumber(2017, 'invention', 601862)).toBe('201710601862.3');
    const utility = applicationNumber(2024, 'utility_model', 1234);
    expect(parseApplicationNo(utility)).toBe(utility);
    expect(patentTypeOfApplicationNo(utility)).toBe('utility_model');
    expect(patentTypeOfApplicationNo(applicationNumber(2023, 'design', 99))).toBe('design');
    const failure = parseApplicationNo(withWrongApplicationCheckDigit('CN201710601862.3'));
    expect((failure as ParseFailure).rule).toBe('application_no_check');
    expect(withWrongApplicationCheckDigit('201710601862.3')).toBe('201710601862.4');
  });

  it('hands out increasing, unique serials per key', () => {
    const counter = new SerialCounter(new SeededRandom(5), [100, 200], 3);
    const serials = Array.from({ length: 100 }, () => counter.take('2024:invention'));
    expect(new Set(serials).size).toBe(100);
    expect(serials.every((serial, index) => index === 0 || serial > serials[index - 1]!)).toBe(true);
    expect(serials[0]).toBeGreaterThan(100);
    expect(serials[0]).toBeLessThanOrEqual(203);
  });
});
