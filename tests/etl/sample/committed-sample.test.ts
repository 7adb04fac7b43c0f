/** samples/default is what the generator writes for its recorded options: regenerate and compare. */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../../etl/sample/generate-sample.ts';
import type { SampleManifest } from '../../../etl/sample/sample-manifest.ts';

const COMMITTED = fileURLToPath(new URL('../../../samples/default', import.meta.url));
const scratch: string[] = [];

async function fingerprints(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const result: Record<string, string> = {};
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return result;
}

afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

describe('samples/default', () => {
  it('is byte for byte what generateSample writes for the options in its manifest', async () => {
    const manifest = JSON.parse(await readFile(path.join(COMMITTED, 'SAMPLE-MANIFEST.json'), 'utf8')) as SampleManifest;
    expect(manifest.options).toEqual({ cities: 6, months: 36, rows_scale: 0.5, seed: 20200430, end_period: '2025-12' });
    const dir = await mkdtemp(path.join(tmpdir(), 'ipstats-committed-'));
    scratch.push(dir);
    const { options } = manifest;
    const result = await generateSample({ outDir: path.join(dir, 'sample'), cities: options.cities, months: options.months, rowsScale: options.rows_scale, seed: options.seed, endPeriod: options.end_period });
    expect(await fingerprints(result.outDir)).toEqual(await fingerprints(COMMITTED));
  });

  it('stays between 2 and 4 MB', async () => {
    const entries = await readdir(COMMITTED, { recursive: true, withFileTypes: true });
    let bytes = 0;
    for (const entry of entries.filter((candidate) => candidate.isFile())) bytes += (await readFile(path.join(entry.parentPath, entry.name))).length;
    expect(bytes).toBeGreaterThan(2_000_000);
    expect(bytes).toBeLessThan(4_000_000);
  });
});
