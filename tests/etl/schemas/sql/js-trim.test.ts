/** The ingestion query's trim (sqlJsTrimmedOrNull) is String.prototype.trim, NULL for an empty result, on any text. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { JS_TRIM_CHARACTERS, sqlJsTrimmedOrNull } from '../../../../etl/schemas/sql/js-trim.ts';
import { sqlString } from '../../../../etl/schemas/sql/sql-field-twin.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

/** Characters next to the trimmed ones that String.prototype.trim keeps: NEL, ZWSP, MVS (no longer Zs), ideographic comma, U+FEFE, soft hyphen, DEL. */
const KEPT_NEIGHBOURS = '\u0085\u200B\u180E\u3001\uFEFE\u00AD\u007F\u00A1\u2FFF\u3000x中';

async function disagreements(texts: readonly string[]): Promise<{ text: string; js: string | null; sql: string | null }[]> {
  const values = texts.map((text, index) => `(${index}, ${sqlString(text)})`).join(', ');
  const { rows } = await engine.query<{ i: number; trimmed: string | null }>(`SELECT i, ${sqlJsTrimmedOrNull('t')} AS trimmed FROM (VALUES ${values}) AS input(i, t) ORDER BY i`);
  return texts.flatMap((text, index) => {
    const js = text.trim() === '' ? null : text.trim();
    const sql = rows[index]!.trimmed;
    return js === sql ? [] : [{ text, js, sql }];
  });
}

describe('String.prototype.trim in SQL', () => {
  it('removes every trimmed character at either end, and only those', async () => {
    const picked = ['', ' ', 'a', ' a', 'a ', '\u3000甲\u3000', '\uFEFFa', 'a\uFEFF', '\u0085a\u0085', 'a\u200B', '\u180Ea', 'a\u00A0', '\u00A0', 'a b', '\r\n', 'x\n', '\u2028y\u2029'];
    const everyOne = Array.from(JS_TRIM_CHARACTERS, (character) => [`${character}v`, `v${character}`, `${character}${character}`]).flat();
    expect(await disagreements([...picked, ...everyOne])).toEqual([]);
  });

  it('agrees on generated text', async () => {
    // Ends of zero to two characters from the trimmed ones and their neighbours, around any text.
    const end = fc.array(fc.constantFrom(...Array.from(JS_TRIM_CHARACTERS + KEPT_NEIGHBOURS)), { maxLength: 2 }).map((characters) => characters.join(''));
    const text = fc.tuple(end, fc.string({ unit: 'grapheme', maxLength: 6 }), end).map((parts) => parts.join('').replaceAll('\u0000', ''));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 20, maxLength: 80 }), async (texts) => {
        expect(await disagreements(texts)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
