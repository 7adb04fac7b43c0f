/**
 * Which Lambda handlers load DuckDB's native module: esbuild resolves each handler's import graph
 * (packages left external, so the bundle is not built) and the test reads the packages it reaches.
 * Only ingest and merge-ranges write Parquet; the stack must ship the arm64 DuckDB binding with
 * exactly those (infra/lambda/duckdb-binding.ts) and every other function must stay free of it.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const HANDLERS = ['ingest', 'refresh-views', 'report', 'split-source', 'ingest-range', 'merge-ranges'] as const;

async function packagesReachedBy(handler: string): Promise<string[]> {
  const result = await build({
    entryPoints: [`functions/${handler}/handler.ts`],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const packages = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imported of input.imports) if (imported.external && !imported.path.startsWith('node:')) packages.add(imported.path);
  }
  return [...packages].sort();
}

describe('Lambda handlers: import graphs', () => {
  it.each(HANDLERS)('%s loads DuckDB only if it writes Parquet', async (handler) => {
    const packages = await packagesReachedBy(handler);
    expect(packages.includes('@duckdb/node-api')).toBe(handler === 'ingest' || handler === 'merge-ranges');
    expect(packages).toContain('@aws-lambda-powertools/logger');
  });

  it('keeps the Athena client out of the ingestion functions and S3 out of refresh-views', async () => {
    expect(await packagesReachedBy('refresh-views')).toEqual(['@aws-lambda-powertools/logger', '@aws-sdk/client-athena', 'zod']);
    expect(await packagesReachedBy('ingest-range')).not.toContain('@aws-sdk/client-athena');
  });
});
