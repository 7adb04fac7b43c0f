/** The SQL twin of IPC symbols agrees with parseIpc on any text. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { parseIpc } from '../../../../etl/schemas/parse/ipc.ts';
import { IPC_TWIN } from '../../../../etl/schemas/sql/ipc-sql.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';
import { disagreements } from '../../../support/sql-twin-oracle.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

describe('IPC symbols in SQL', () => {
  it('agree on spacing, case, full-width forms, editions and near misses', async () => {
    const texts = ['H04L 29/06', 'h04l29/06', 'H04L  29 / 06', 'Ｈ０４Ｌ　２９／０６', 'H04L 29/06 (2006.01)', 'H04L 29/06(2006.01)', 'H04L 29/06 (2006.1)', 'I04L 29/06', 'H04L 29', 'H04L 12345/06', 'H04L 29/1234567', 'A01B 1/00', 'H04L\u00a029/06', 'H04L\u2003 29/06', 'h04ı 29/06', '"H04L"'];
    expect(await disagreements(engine, IPC_TWIN, parseIpc, texts)).toEqual([]);
  });

  it('agree on generated text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fieldText(['ABCHLhl0123456789 /().', 'H04L 29/06 (2006.01)']), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, IPC_TWIN, parseIpc, texts)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
