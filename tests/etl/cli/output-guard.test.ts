/**
 * An output folder holds one lake's reports (etl/cli/output-guard.ts): the record is written only
 * once reports are published, the lake is named relative to a local output folder and by URL
 * otherwise, another lake is refused, and a damaged record is a usage error naming the file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../../etl/cli/cli-errors.ts';
import { createLogger } from '../../../etl/cli/logger.ts';
import { guardOutput, OutputMixingError, PUBLISHED_FROM_KEY } from '../../../etl/cli/output-guard.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import type { ObjectStore } from '../../../etl/lake/object-store.ts';
import { tempDir } from '../../support/temp-dir.ts';

const NOW = () => new Date('2025-07-05T02:00:00Z');
let dir: string;
let warnings: string;

function logger() {
  const stream = new PassThrough();
  stream.on('data', (chunk) => (warnings += String(chunk)));
  return createLogger({ format: 'text', stream: stream as unknown as NodeJS.WriteStream });
}

beforeEach(async () => {
  dir = await tempDir('output-guard');
  warnings = '';
});

describe('guardOutput', () => {
  it('writes nothing until the reports are published, then names a local lake relative to the output folder', async () => {
    const out = path.join(dir, 'project', 'out');
    const lake = new LocalObjectStore(path.join(dir, 'project', 'mine', 'lake'));
    const guard = await guardOutput({ out, lake, logger: logger(), now: NOW });
    expect(existsSync(out)).toBe(false);
    await guard.recordPublication();
    expect(JSON.parse(await readFile(path.join(out, PUBLISHED_FROM_KEY), 'utf8'))).toEqual({ schema_version: 1, lake: '../mine/lake', written_at: '2025-07-05T02:00:00.000Z' });
    // The same lake again: accepted, and the record stays as first written.
    await (await guardOutput({ out, lake, logger: logger(), now: () => new Date('2026-01-01T00:00:00Z') })).recordPublication();
    expect(JSON.parse(await readFile(path.join(out, PUBLISHED_FROM_KEY), 'utf8'))).toMatchObject({ written_at: '2025-07-05T02:00:00.000Z' });
    expect(warnings).toBe('');
  });

  it('names an S3 lake by its URL, and refuses another lake with exit-status-2 usage error', async () => {
    const out = path.join(dir, 'out');
    const s3Lake = { location: 's3://bucket/lake' } as ObjectStore;
    await (await guardOutput({ out, lake: s3Lake, logger: logger(), now: NOW })).recordPublication();
    expect(JSON.parse(await readFile(path.join(out, PUBLISHED_FROM_KEY), 'utf8'))).toMatchObject({ lake: 's3://bucket/lake' });
    const other = guardOutput({ out, lake: new LocalObjectStore(path.join(dir, 'lake')), logger: logger() });
    await expect(other).rejects.toBeInstanceOf(OutputMixingError);
    await expect(other).rejects.toBeInstanceOf(UsageError);
    await expect(other).rejects.toThrow(`the output ${out} holds the reports of the lake s3://bucket/lake (published-from.json, 2025-07-05T02:00:00.000Z)`);
  });

  it('adopts an older output folder holding reports for the lake inside it, and refuses another lake', async () => {
    const out = path.join(dir, 'out');
    await mkdir(path.join(out, 'reports', 'city=440300', 'period=2025-06'), { recursive: true });
    await writeFile(path.join(out, 'reports', 'city=440300', 'period=2025-06', 'report.json'), '{}');
    await mkdir(path.join(out, 'lake'));
    await writeFile(
      path.join(out, 'lake', 'lake.json'),
      JSON.stringify({ schema_version: 1, built_for: 'sample', origin: 'created', written_by: 'ipstats run', written_at: '2025-07-05T02:00:00.000Z', inputs: ['/s'], config: null }),
    );
    await expect(guardOutput({ out, lake: new LocalObjectStore(path.join(dir, 'mine')), logger: logger() })).rejects.toThrow(/\(made before published-from\.json; the lake inside it\)/);
    expect(warnings).toBe('');
    await (await guardOutput({ out, lake: new LocalObjectStore(path.join(out, 'lake')), logger: logger(), now: NOW })).recordPublication();
    expect(warnings).toBe(`warning: output folder made before published-from.json adopted out=${out} lake=lake\n`);
    expect(JSON.parse(await readFile(path.join(out, PUBLISHED_FROM_KEY), 'utf8'))).toMatchObject({ lake: 'lake' });
  });

  it('says which file is damaged and how to recover', async () => {
    const out = path.join(dir, 'out');
    await mkdir(out);
    await writeFile(path.join(out, PUBLISHED_FROM_KEY), '{"schema_version":1,"lake":""}');
    await expect(guardOutput({ out, lake: new LocalObjectStore(path.join(dir, 'lake')), logger: logger() })).rejects.toThrow(
      new RegExp(`^${path.join(out, PUBLISHED_FROM_KEY).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\$\\.lake: .*; \\$\\.written_at: .*: restore it, or remove it`),
    );
  });
});
