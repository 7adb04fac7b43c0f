/** The SQL twin of every enumeration of etl/schemas/enums.ts agrees with its parser on any text. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import * as ENUMS from '../../../../etl/schemas/enums.ts';
import { EnumerationParser } from '../../../../etl/schemas/parse/enumeration.ts';
import { enumerationTwin } from '../../../../etl/schemas/sql/enumeration-sql.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';
import { disagreements } from '../../../support/sql-twin-oracle.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

const parsers = Object.entries(ENUMS as Record<string, unknown>).filter((entry): entry is [string, EnumerationParser<string>] => entry[1] instanceof EnumerationParser);

describe('enumerations in SQL', () => {
  it('covers every enumeration', () => {
    expect(parsers.length).toBeGreaterThanOrEqual(14);
  });

  for (const [name, parser] of parsers) {
    it(`${name}: every spelling, its case and separator variants, full-width forms and near misses agree`, async () => {
      const spellings = [...parser.spellings().keys()];
      const variants = spellings.flatMap((spelling) => [spelling, spelling.toUpperCase(), spelling.replaceAll('_', ' '), spelling.replaceAll('_', '-'), spelling.replaceAll('_', ' - '), `${spelling}x`, spelling.replace(/[a-z]/, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))]);
      const texts = [...new Set([...variants, 'İnvention', '"', '\\'].filter((text) => text.trim() === text && text !== ''))];
      expect(await disagreements(engine, enumerationTwin(parser), (text) => parser.parse(text), texts)).toEqual([]);
    });
  }

  it('agree on generated text', async () => {
    const [, parser] = parsers[0]!;
    const alphabet = [...parser.spellings().keys()].join('') + ' -_';
    await fc.assert(
      fc.asyncProperty(fc.array(fieldText([alphabet]), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, enumerationTwin(parser), (text) => parser.parse(text), texts)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
