/**
 * Valid identifiers for the synthetic records: USCCs (GB 32100-2015) with a correct organisation
 * code check (GB 11714) and check character, CN patent application numbers with their check
 * digit. The check functions are the project's own (etl/schemas/parse), so the sample and the
 * validation cannot drift apart.
 */
import { applicationNoCheckDigit } from '../schemas/parse/patent-application-no.ts';
import { usccCheckCharacter } from '../schemas/parse/uscc.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Characters a USCC may contain (GB 32100 leaves out I, O, S, V and Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_CHARS: readonly string[] = [...USCC_CHARSET];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Who registered the body: market regulation (enterprises), establishment offices (public bodies), civil affairs. */
export type UsccRegistrant = 'enterprise' | 'cooperative' | 'public_institution' | 'government' | 'social_organisation';

const REGISTRANT_PREFIX: Record<UsccRegistrant, string> = {
  enterprise: '91',
  cooperative: '93',
  public_institution: '12',
  government: '11',
  social_organisation: '51',
};

function charValue(char: string): number {
  return /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55; // A = 10 … Z = 35
}

/** GB 11714 check character of an eight-character organisation code body. */
export function organisationCodeCheckChar(body: string): string {
  const sum = [...body].reduce((total, char, i) => total + charValue(char) * (ORG_CODE_WEIGHTS[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A USCC for a body registered in `adminCode`. Enterprises registered since 2015 mostly have an
 * `MA…` organisation code, older ones a numeric one.
 */
export function generateUscc(random: SeededRandom, registrant: UsccRegistrant, adminCode: string): string {
  let body: string;
  if (registrant === 'enterprise' && random.chance(0.55)) {
    body = 'MA' + Array.from({ length: 6 }, () => random.pick(USCC_CHARS)).join('');
  } else {
    body = Array.from({ length: 8 }, () => String(random.int(0, 9))).join('');
  }
  const first17 = REGISTRANT_PREFIX[registrant] + adminCode + body + organisationCodeCheckChar(body);
  return first17 + usccCheckCharacter(first17);
}

/** The same USCC with a wrong (but well-formed) check character. */
export function withWrongUsccCheckChar(uscc: string, random: SeededRandom): string {
  const correct = usccCheckCharacter(uscc.slice(0, 17));
  const wrong = USCC_CHARS.filter((char) => char !== correct);
  return uscc.slice(0, 17) + random.pick(wrong);
}

export type PatentType = 'invention' | 'utility_model' | 'design';

export const PATENT_TYPE_DIGIT: Record<PatentType, string> = { invention: '1', utility_model: '2', design: '3' };

/** `YYYYTNNNNNNN.C`: year of filing, type digit, seven-digit serial, check digit. */
export function applicationNumber(year: number, type: PatentType, serial: number): string {
  const digits = `${year}${PATENT_TYPE_DIGIT[type]}${String(serial).padStart(7, '0')}`;
  return `${digits}.${applicationNoCheckDigit(digits)}`;
}

/** The same number with a wrong check digit. */
export function withWrongApplicationCheckDigit(applicationNo: string): string {
  const [digits = '', check = ''] = applicationNo.split('.');
  const correctValue = check === 'X' ? 10 : Number(check);
  const wrongValue = (correctValue + 1) % 11;
  return `${digits}.${wrongValue === 10 ? 'X' : String(wrongValue)}`;
}

/**
 * Hands out unique serial numbers per key (e.g. year + patent type), starting from a random
 * offset so that numbers look like those of a national office.
 */
export class SerialCounter {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly random: SeededRandom,
    private readonly start: readonly [number, number],
    private readonly maxStep: number,
  ) {}

  take(key: string): number {
    const current = this.next.get(key) ?? this.random.int(this.start[0], this.start[1]);
    const value = current + this.random.int(1, this.maxStep);
    this.next.set(key, value);
    return value;
  }
}
