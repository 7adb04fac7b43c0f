import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitOnRecordBoundaries } from '../../../etl/sources/split-byte-ranges.ts';
import { tempDir } from '../../support/temp-dir.ts';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('split');
});

async function fileWith(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

function parse(text: string): string[][] {
  return Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', skipEmptyLines: 'greedy' }).data;
}

/** A tiny deterministic generator, so the mixed file is the same on every run. */
function* numbers(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    yield state;
  }
}

function mixedCsv(records: number): string {
  const random = numbers(7);
  const next = (n: number) => random.next().value! % n;
  const fields = ['plain', '深圳市腾讯', '"has, comma"', '"two\nlines"', '"say ""hi"""', '""', 'mid"quote', '"\n"', ''];
  const lines = ['id,a,b,c'];
  for (let index = 0; index < records; index++) lines.push([String(index), fields[next(fields.length)], fields[next(fields.length)], fields[next(fields.length)]].join(','));
  return `${lines.join('\n')}\n`;
}

describe('splitOnRecordBoundaries', () => {
  it('cuts a plain file after the line feed at or after each target, covering every byte once', async () => {
    const file = await fileWith('plain.csv', 'h1,h2\naaaa,1\nbbbb,2\ncccc,3\ndddd,4\n');
    // 34 bytes, records start at 0, 6, 13, 20, 27: the target 17 falls inside "bbbb,2"; 11 and 22 inside "aaaa,1" and "cccc,3".
    expect(await splitOnRecordBoundaries(file, 2)).toEqual([
      { start: 0, end: 20 },
      { start: 20, end: 34 },
    ]);
    expect(await splitOnRecordBoundaries(file, 3)).toEqual([
      { start: 0, end: 13 },
      { start: 13, end: 27 },
      { start: 27, end: 34 },
    ]);
  });

  it('does not cut inside a quoted field that holds line feeds', async () => {
    const text = `id,note\n1,"${'line\n'.repeat(8)}end"\n2,x\n`;
    const file = await fileWith('quoted.csv', text);
    const ranges = await splitOnRecordBoundaries(file, 2);
    expect(ranges).toEqual([
      { start: 0, end: text.indexOf('2,x') },
      { start: text.indexOf('2,x'), end: text.length },
    ]);
  });

  it('treats a quote inside an unquoted field as a plain character', async () => {
    // The target (byte 15) falls inside `5" disk`: that quote must not open a quoted field.
    const text = 'id,note\n1,5" disk\n2,x\n3,y\n4,z\n';
    const file = await fileWith('inch.csv', text);
    expect((await splitOnRecordBoundaries(file, 2)).map((range) => range.start)).toEqual([0, text.indexOf('2,x')]);
  });

  it('gives ranges whose records, parsed one by one, are the records of the whole file (quotes across read blocks)', async () => {
    const text = mixedCsv(400);
    const file = await fileWith('mixed.csv', text);
    const bytes = await readFile(file);
    const whole = parse(text);
    for (const parts of [2, 3, 5]) {
      for (const blockBytes of [7, 64, 1024 * 1024]) {
        const ranges = await splitOnRecordBoundaries(file, parts, { blockBytes });
        expect(ranges).toHaveLength(parts);
        expect(ranges[0]!.start).toBe(0);
        expect(ranges.at(-1)!.end).toBe(bytes.length);
        const records = ranges.flatMap((range) => parse(bytes.subarray(range.start, range.end).toString('utf8')));
        expect(records).toEqual(whole);
      }
    }
  });

  it('returns fewer ranges when there are not enough boundaries, and names bad arguments', async () => {
    const file = await fileWith('one-line.csv', 'a,b,c');
    expect(await splitOnRecordBoundaries(file, 4)).toEqual([{ start: 0, end: 5 }]);
    const unterminated = await fileWith('unterminated.csv', 'a,b\n1,"open\n2,3\n4,5\n');
    expect(await splitOnRecordBoundaries(unterminated, 2)).toEqual([{ start: 0, end: 20 }]);
    await expect(splitOnRecordBoundaries(file, 0)).rejects.toThrow(/parts must be a whole number ≥ 1, got 0/);
    await expect(splitOnRecordBoundaries(file, 2, { delimiter: ';;' })).rejects.toThrow(/delimiter must be one ASCII character, got ";;"/);
  });
});
