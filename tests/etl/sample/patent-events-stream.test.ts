import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePatentEventsCsv } from '../../../etl/sample/patent-events-stream.ts';
import { validateSampleFile } from './validate-sample-file.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ipstats-events-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writePatentEventsCsv', () => {
  it('writes the requested number of valid rows, spread over the chunk boundary', async () => {
    const file = path.join(dir, 'events.csv');
    const result = await writePatentEventsCsv(file, 10_001, 3);
    const bytes = await readFile(file);
    expect(result).toEqual({ rows: 10_001, bytes: bytes.length });
    const validation = await validateSampleFile(dir, 'patent_events', 'events.csv');
    expect(validation.rows).toBe(10_001);
    expect(validation.rejected).toEqual([]);
    expect(new Set(validation.accepted.map((row) => row['event_id'])).size).toBe(10_001);
    expect(validation.accepted.some((row) => /[\u4e00-\u9fff]/.test(row['from_name'] as string))).toBe(true);
  });

  it('is deterministic for a seed', async () => {
    const first = path.join(dir, 'first.csv');
    const second = path.join(dir, 'second.csv');
    const other = path.join(dir, 'other.csv');
    await writePatentEventsCsv(first, 500, 9);
    await writePatentEventsCsv(second, 500, 9);
    await writePatentEventsCsv(other, 500, 10);
    const digest = async (file: string): Promise<string> => createHash('sha256').update(await readFile(file)).digest('hex');
    expect(await digest(second)).toBe(await digest(first));
    expect(await digest(other)).not.toBe(await digest(first));
  });

  it('writes a header only for zero rows and refuses a negative count', async () => {
    const empty = path.join(dir, 'empty.csv');
    await writePatentEventsCsv(empty, 0, 1);
    expect((await readFile(empty, 'utf8')).split('\n')).toEqual(['event_id,application_no,event_type,licence_type,effective_date,from_name,from_uscc,from_type,from_city_code,to_name,to_uscc,to_type,to_city_code,to_is_sme,contract_amount_cny', '']);
    await expect(writePatentEventsCsv(path.join(dir, 'never.csv'), -1, 1)).rejects.toThrow(/rows must be a whole number ≥ 0, got -1/);
  });
});
