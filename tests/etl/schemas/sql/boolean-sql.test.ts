/** The SQL twins of booleans and free text agree with the JavaScript parsers on any text. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { parseBoolean } from '../../../../etl/schemas/parse/boolean.ts';
import { booleanTwin } from '../../../../etl/schemas/sql/boolean-sql.ts';
import { TEXT_TWIN } from '../../../../etl/schemas/sql/text-sql.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';
import { disagreements } from '../../../support/sql-twin-oracle.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

const HAND_PICKED = ['true', 'TRUE', 'False', '1', '0', '是', '否', 'Y', 'n', 'Yes', 'NO', 'ｙｅｓ', 'Ｎ', '１', '*', '**', 'yes ', 'ja', '"x"', '\\', 'truthy', 'Ｙ'];

describe('booleans in SQL', () => {
  it('agree on the words, their cases and full-width forms, and fail the same way otherwise', async () => {
    expect(await disagreements(engine, booleanTwin(), (text) => parseBoolean(text), HAND_PICKED)).toEqual([]);
  });

  it('take a field\'s extra true words as given, after the table (the standard\'s "*")', async () => {
    const extra = ['*', 'Y'];
    expect(await disagreements(engine, booleanTwin(extra), (text) => parseBoolean(text, new Set(extra)), HAND_PICKED)).toEqual([]);
  });

  it('agree on generated text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fieldText(['truefalsyesnoTRUEFALSYESNO01是否ｙｎＹＮ*']), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, booleanTwin(['*']), (text) => parseBoolean(text, new Set(['*'])), texts)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('free text in SQL', () => {
  it('is the text as it is', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fieldText(['甲乙 丙"\'\\']), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, TEXT_TWIN, (text) => text, texts)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});
