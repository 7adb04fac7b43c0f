/** sqlQuote is JSON.stringify in SQL, on every control character and on any text. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { sqlQuote, sqlString } from '../../../../etl/schemas/sql/sql-field-twin.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

async function quoted(texts: readonly string[]): Promise<string[]> {
  const values = texts.map((text, index) => `(${index}, ${sqlString(text)})`).join(', ');
  const result = await engine.query<{ q: string }>(`SELECT ${sqlQuote('t')} AS q FROM (VALUES ${values}) AS input(i, t) ORDER BY i`);
  return result.rows.map((row) => row.q);
}

describe('sqlQuote', () => {
  it('escapes like JSON.stringify: every control character U+0001–U+001F, quote, backslash; a typed "\\u001F" stays text', async () => {
    const texts = [...Array.from({ length: 0x1f }, (_, index) => `a${String.fromCharCode(index + 1)}b`), '"', '\\', '\\u001F', '专利 "甲"', '\u2028', '\u007f', 'é'];
    expect(await quoted(texts)).toEqual(texts.map((text) => JSON.stringify(text)));
  });

  it('agrees with JSON.stringify on any text without NUL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((text) => !text.includes('\u0000') && !/\p{Cs}/u.test(text)), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await quoted(texts)).toEqual(texts.map((text) => JSON.stringify(text)));
      }),
      { numRuns: 30 },
    );
  });
});
