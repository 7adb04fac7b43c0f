/**
 * Enumerations: the English value, any case, with spaces or hyphens for underscores
 * (`Utility Model`), or one of its Chinese words (simplified or traditional) → English value.
 */
import { toHalfWidth } from './half-width.ts';
import { ParseFailure, quote } from './parse-failure.ts';

/** English value → the Chinese words (and other spellings) that mean it. */
export type EnumWords = Readonly<Record<string, readonly string[]>>;

const SEPARATORS = /[\s-]+/g;

export class EnumerationParser<V extends string> {
  private readonly lookup = new Map<string, V>();
  private readonly expected: string;

  constructor(words: Readonly<Record<V, readonly string[]>>) {
    const entries = Object.entries(words) as Array<[V, readonly string[]]>;
    for (const [value, spellings] of entries) {
      for (const spelling of [value, ...spellings]) {
        const existing = this.lookup.get(spelling);
        if (existing !== undefined && existing !== value) throw new Error(`enumeration word "${spelling}" means both ${existing} and ${value}`);
        this.lookup.set(spelling, value);
      }
    }
    this.expected = entries.map(([value, spellings]) => (spellings.length > 0 ? `${value} (${spellings[0]})` : value)).join(', ');
  }

  /** Every accepted spelling and the value it means (the SQL twin, etl/schemas/sql/enumeration-sql.ts, is built from it). */
  spellings(): ReadonlyMap<string, V> {
    return this.lookup;
  }

  /** The values as the failure message lists them. */
  expectedText(): string {
    return this.expected;
  }

  parse(raw: string): V | ParseFailure {
    const value = this.lookup.get(raw) ?? this.lookup.get(toHalfWidth(raw).toLowerCase().replace(SEPARATORS, '_'));
    return value ?? new ParseFailure('enum_value', `expected one of ${this.expected}, got ${quote(raw)}`);
  }
}
