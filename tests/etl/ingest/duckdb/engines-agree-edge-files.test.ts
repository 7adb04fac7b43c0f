/**
 * Hand-made source files at the edges where DuckDB's CSV reader and papaparse could part ways:
 * both ways of ingesting (etl/ingest/duckdb/) must give the same manifest, rejects and Parquet, and
 * each file must be read by the way stated — DuckDB itself for what it reads the same (line
 * numbers after a quoted line break, CRLF, a byte order mark, GB18030, records with a field too
 * few or too many), the JavaScript way for what it does not (blank lines, a quote inside a field,
 * a lone carriage return, two fields too many, bytes that are not UTF-8).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '../../../../etl/schemas/index.ts';
import { ingestBothWays } from '../../../support/ingest-both-ways.ts';
import { tempDir } from '../../../support/temp-dir.ts';

let dir: string;
let duckdb: DuckDBInstance;
let connection: DuckDBConnection;
/** The sample's patent events (GB18030, Chinese headers, a 万元 column), first rows, as text. */
let lines: string[];
let sampleBytes: Buffer;

beforeAll(async () => {
  dir = await tempDir('engines-edges');
  duckdb = await DuckDBInstance.create(':memory:', { threads: '1' });
  connection = await duckdb.connect();
  sampleBytes = await readFile(path.join('samples', 'default', 'patent_events', 'patent_events_2023.csv'));
  lines = iconv.decode(sampleBytes, 'gb18030').split(/\r?\n/).filter((line) => line !== '').slice(0, 40);
});

afterAll(() => {
  connection?.closeSync();
  duckdb?.closeSync();
});

/** The sample's lines with `edit` applied to data line `index` (1 = the first after the header). */
function edited(index: number, edit: (line: string) => string): string[] {
  return lines.map((line, at) => (at === index ? edit(line) : line));
}

/** A row's field `n` (0-based) replaced. */
function withField(line: string, n: number, value: string): string {
  const fields = line.split(',');
  fields[n] = value;
  return fields.join(',');
}

const cases: { name: string; bytes: () => Buffer; readBy: 'duckdb' | 'javascript' }[] = [
  { name: 'the sample as it is (GB18030)', bytes: () => sampleBytes, readBy: 'duckdb' },
  { name: 'UTF-8, LF', bytes: () => Buffer.from(`${lines.join('\n')}\n`), readBy: 'duckdb' },
  { name: 'UTF-8 with a byte order mark, CRLF, no final line break', bytes: () => Buffer.from(`\ufeff${lines.join('\r\n')}`), readBy: 'duckdb' },
  {
    name: 'a quoted field with line breaks, then rejected rows whose lines are counted past it',
    bytes: () => Buffer.from(`${edited(3, (line) => withField(line, 5, '"北京\n某某\n研究院"')).map((line, at) => (at === 7 || at === 12 ? withField(line, 4, '2023-02-30') : line)).join('\n')}\n`),
    readBy: 'duckdb',
  },
  { name: 'a doubled quote inside a quoted field, a delimiter inside quotes', bytes: () => Buffer.from(`${edited(2, (line) => withField(line, 5, '"某""大学"",分部"')).join('\n')}\n`), readBy: 'duckdb' },
  { name: 'a record with one field too many (a trailing delimiter)', bytes: () => Buffer.from(`${edited(4, (line) => `${line},`).join('\n')}\n`), readBy: 'duckdb' },
  { name: 'a record with a field too few', bytes: () => Buffer.from(`${edited(4, (line) => line.slice(0, line.lastIndexOf(','))).join('\n')}\n`), readBy: 'duckdb' },
  { name: 'white space around values and full-width digits', bytes: () => Buffer.from(`${edited(5, (line) => withField(withField(line, 8, ' ６１０１０４ '), 0, '\u3000ZY1\u3000')).join('\n')}\n`), readBy: 'duckdb' },
  { name: 'an empty required value and an unknown enumeration word', bytes: () => Buffer.from(`${edited(6, (line) => withField(withField(line, 1, ''), 2, '赠与')).join('\n')}\n`), readBy: 'duckdb' },
  { name: 'only the header', bytes: () => Buffer.from(`${lines[0]}\n`), readBy: 'javascript' },
  { name: 'a record with two fields too many', bytes: () => Buffer.from(`${edited(4, (line) => `${line},x,y`).join('\n')}\n`), readBy: 'javascript' },
  { name: 'a blank line', bytes: () => Buffer.from(`${edited(4, (line) => `${line}\n`).join('\n')}\n`), readBy: 'javascript' },
  { name: 'a line of spaces', bytes: () => Buffer.from(`${edited(4, (line) => `${line}\n   `).join('\n')}\n`), readBy: 'javascript' },
  { name: 'a quote inside an unquoted field', bytes: () => Buffer.from(`${edited(4, (line) => withField(line, 5, '某"大学')).join('\n')}\n`), readBy: 'javascript' },
  { name: 'a space before a quoted field', bytes: () => Buffer.from(`${edited(4, (line) => withField(line, 5, ' "某大学"')).join('\n')}\n`), readBy: 'javascript' },
  { name: 'a lone carriage return in a file of line feeds', bytes: () => Buffer.from(`${edited(4, (line) => withField(line, 5, '某\r大学')).join('\n')}\n`), readBy: 'javascript' },
  { name: 'bytes that are not UTF-8 (the file is rejected whole)', bytes: () => Buffer.concat([Buffer.from(`${lines.slice(0, 5).join('\n')}\n`), Buffer.from([0xff, 0xfe, 0x41, 0x0a])]), readBy: 'javascript' },
];

describe('both ways agree on edge files', () => {
  it.each(cases)('$name (read by $readBy)', async ({ name, bytes, readBy }) => {
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.csv`);
    await writeFile(file, bytes());
    const both = await ingestBothWays(connection, dir, getDataset('patent_events'), file);
    expect(both.differences).toEqual([]);
    expect(both.fallback === null ? 'duckdb' : 'javascript', `fallback: ${both.fallback}`).toBe(readBy);
  });

  it('the line numbers after a quoted line break are the file lines', async () => {
    const file = path.join(dir, 'lines.csv');
    await writeFile(file, `${edited(3, (line) => withField(line, 5, '"北京\n某某\n研究院"')).map((line, at) => (at === 7 ? withField(line, 4, '2023-02-30') : line)).join('\n')}\n`);
    const both = await ingestBothWays(connection, dir, getDataset('patent_events'), file);
    expect(both.fallback).toBeNull();
    expect(both.duckdb.rows.rejected).toBe(1);
    expect(both.duckdb.reject_rules).toEqual({ date_invalid: 1 });
  });
});
