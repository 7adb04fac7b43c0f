/** The bench's derived files: gb18030 decodes back to the utf8 file, bad5 breaks exactly every 20th row by one field. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAKAGE_KINDS, breakageOf, brokenRowCount, writeBad5File } from '../../../etl/bench/files/bad5-file.ts';
import { writeGb18030Twin } from '../../../etl/bench/files/gb18030-file.ts';
import { writePatentEventsCsv } from '../../../etl/sample/patent-events-stream.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { validateRow } from '../../../etl/schemas/validate-row.ts';
import { inspectSample } from '../../../etl/sources/inspect-sample.ts';

const ROWS = 2_000;
const SEED = 7;
let dir: string;
let clean: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ipstats-bench-files-'));
  clean = path.join(dir, 'clean.csv');
  await writePatentEventsCsv(clean, ROWS, SEED);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function records(text: string): string[][] {
  return Papa.parse<string[]>(text.trimEnd(), { header: false }).data;
}

describe('bench gb18030 file', () => {
  it('holds the utf8 rows in GB18030: decoded, it is the utf8 file byte for byte', async () => {
    const gb = path.join(dir, 'gb18030.csv');
    const bytes = await writeGb18030Twin(clean, gb);
    const [utf8Bytes, gbBytes] = await Promise.all([readFile(clean), readFile(gb)]);
    expect(bytes).toBe(gbBytes.length);
    expect(gbBytes.equals(utf8Bytes)).toBe(false);
    expect(Buffer.from(iconv.decode(gbBytes, 'gb18030'), 'utf8').equals(utf8Bytes)).toBe(true);
    expect(inspectSample(gbBytes.subarray(0, 256 * 1024), gbBytes.length <= 256 * 1024)).toBe('gb18030');
  });
});

describe('bench bad5 file', () => {
  it('breaks every 20th data row, in turn by each kind', () => {
    expect(brokenRowCount(ROWS)).toBe(100);
    expect(brokenRowCount(39)).toBe(1);
    expect([18, 19, 20, 39, 59, 79, 99, 119].map(breakageOf)).toEqual([undefined, BREAKAGE_KINDS[0], undefined, ...BREAKAGE_KINDS.slice(1), 'impossible_date']);
  });

  it('has exactly N/20 broken rows, one field each, that the validator rejects for that field alone', async () => {
    const bad5 = path.join(dir, 'bad5.csv');
    const written = await writeBad5File(clean, bad5, SEED);
    expect(written).toMatchObject({ rows: ROWS, broken: ROWS / 20 });
    const [cleanText, badText] = await Promise.all([readFile(clean, 'utf8'), readFile(bad5, 'utf8')]);
    expect(Buffer.byteLength(badText)).toBe(written.bytes);
    const [header, ...cleanRows] = records(cleanText);
    const [badHeader, ...badRows] = records(badText);
    expect(badHeader).toEqual(header);
    expect(badRows).toHaveLength(ROWS);
    const spec = getDataset('patent_events');
    const raw = (row: readonly string[]) => Object.fromEntries(header!.map((name, index) => [name, row[index]!.trim()]));
    const brokenColumns: string[] = [];
    badRows.forEach((row, index) => {
      const before = cleanRows[index]!;
      expect(row).toHaveLength(before.length);
      const changed = header!.filter((_name, column) => row[column] !== before[column]);
      const result = validateRow(spec, raw(row));
      if (breakageOf(index) === undefined) {
        expect(changed).toEqual([]);
        expect(result.ok).toBe(true);
      } else {
        expect(changed).toHaveLength(1);
        expect(result.ok ? [] : result.reasons.map((reason) => reason.column)).toEqual(changed);
        brokenColumns.push(changed[0]!);
      }
    });
    expect(brokenColumns).toHaveLength(ROWS / 20);
    expect(new Set(brokenColumns)).toEqual(new Set(['event_id', 'application_no', 'event_type', 'licence_type', 'effective_date', 'contract_amount_cny']));
  });
});
