/**
 * DuckDB's share of a Lambda function: memory limit from AWS_LAMBDA_FUNCTION_MEMORY_SIZE minus
 * Node's room, threads from the vCPUs Lambda gives, spill folder given by the caller; DuckDB's
 * own defaults outside Lambda. The last cases open real DuckDB instances with the config.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  duckDbInstanceConfig,
  duckDbMemoryLimitMiB,
  duckDbResources,
  lambdaVcpus,
  MIN_DUCKDB_MEMORY_MIB,
} from '../../../etl/engines/duckdb-resources.ts';
import { FUNCTION_SIZING, PIPELINE_FUNCTION_NAMES } from '../../../infra/lambda/function-sizing.ts';

/** Peak RSS of the merge step measured on 1.4M rows in 3 partitions (docs/aws.md): DuckDB must have at least this much. */
const MEASURED_MERGE_PEAK_RSS_MIB = 507;

describe('lambdaVcpus', () => {
  it.each([
    [128, 1],
    [1769, 1],
    [1770, 2],
    [2048, 2],
    [3008, 2],
    [3539, 3],
    [5307, 3],
    [5308, 4],
    [10_240, 6],
  ])('%i MB → %i vCPUs', (memory, vcpus) => {
    expect(lambdaVcpus(memory)).toBe(vcpus);
  });

  it('rejects a memory that is not a whole number', () => {
    expect(() => lambdaVcpus(0)).toThrow('function memory (MB) must be a whole number ≥ 1, got 0');
    expect(() => lambdaVcpus(1.5)).toThrow('got 1.5');
  });
});

describe('duckDbMemoryLimitMiB', () => {
  it('leaves Node 256 MiB plus a quarter of the memory', () => {
    expect(duckDbMemoryLimitMiB(3008)).toBe(3008 - 256 - 752);
    expect(duckDbMemoryLimitMiB(2048)).toBe(2048 - 256 - 512);
    expect(duckDbMemoryLimitMiB(10_240)).toBe(10_240 - 256 - 2560);
  });

  it(`never goes below ${MIN_DUCKDB_MEMORY_MIB} MiB`, () => {
    expect(duckDbMemoryLimitMiB(256)).toBe(MIN_DUCKDB_MEMORY_MIB);
    expect(duckDbMemoryLimitMiB(128)).toBe(MIN_DUCKDB_MEMORY_MIB);
  });

  it.each(PIPELINE_FUNCTION_NAMES.filter((name) => FUNCTION_SIZING[name].nativeDuckDb))(
    '%s: DuckDB gets more than the measured peak and Node keeps at least 512 MiB',
    (name) => {
      const memory = FUNCTION_SIZING[name].memorySize;
      expect(duckDbMemoryLimitMiB(memory)).toBeGreaterThan(MEASURED_MERGE_PEAK_RSS_MIB);
      expect(memory - duckDbMemoryLimitMiB(memory)).toBeGreaterThanOrEqual(512);
    },
  );
});

describe('duckDbResources', () => {
  it('keeps DuckDB’s defaults outside Lambda', () => {
    expect(duckDbResources({})).toEqual({ memoryLimit: undefined, vcpus: undefined, functionMemoryMb: undefined });
  });

  it('sizes from the function memory in Lambda', () => {
    expect(duckDbResources({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '3008' })).toEqual({ memoryLimit: '2000MiB', vcpus: 2, functionMemoryMb: 3008 });
    expect(duckDbResources({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '2048' })).toEqual({ memoryLimit: '1280MiB', vcpus: 2, functionMemoryMb: 2048 });
  });

  it('takes IPSTATS_DUCKDB_MEMORY_LIMIT over the computed limit, and ignores it empty', () => {
    expect(duckDbResources({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '3008', IPSTATS_DUCKDB_MEMORY_LIMIT: '64MB' }).memoryLimit).toBe('64MB');
    expect(duckDbResources({ IPSTATS_DUCKDB_MEMORY_LIMIT: '1GiB' }).memoryLimit).toBe('1GiB');
    expect(duckDbResources({ IPSTATS_DUCKDB_MEMORY_LIMIT: '' }).memoryLimit).toBeUndefined();
  });

  it('says which variable is wrong and what it holds', () => {
    expect(() => duckDbResources({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: 'lots' })).toThrow(
      "AWS_LAMBDA_FUNCTION_MEMORY_SIZE must be the function's memory in MB (a whole number ≥ 128), got 'lots'",
    );
    expect(() => duckDbResources({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '64' })).toThrow("got '64'");
    expect(() => duckDbResources({ IPSTATS_DUCKDB_MEMORY_LIMIT: 'half' })).toThrow(
      "IPSTATS_DUCKDB_MEMORY_LIMIT must be a DuckDB size such as '512MiB' or '2GB', got 'half'",
    );
  });
});

describe('duckDbInstanceConfig', () => {
  const lambda = duckDbResources({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '3008' });

  it('sets the spill folder always, the limit and threads in Lambda', () => {
    expect(duckDbInstanceConfig({ spillDir: '/tmp/work/spill', resources: lambda })).toEqual({ temp_directory: '/tmp/work/spill', memory_limit: '2000MiB', threads: '2' });
    expect(duckDbInstanceConfig({ spillDir: '/tmp/work/spill', resources: lambda, threads: 1 })).toEqual({ temp_directory: '/tmp/work/spill', memory_limit: '2000MiB', threads: '1' });
    expect(duckDbInstanceConfig({ spillDir: '/tmp/work/spill', resources: duckDbResources({}) })).toEqual({ temp_directory: '/tmp/work/spill' });
  });

  it('refuses a relative spill folder and a bad thread count', () => {
    expect(() => duckDbInstanceConfig({ spillDir: 'spill', resources: lambda })).toThrow("DuckDB spill folder must be an absolute path, got 'spill'");
    expect(() => duckDbInstanceConfig({ spillDir: '/tmp/s', resources: lambda, threads: 0 })).toThrow('DuckDB threads must be a whole number ≥ 1, got 0');
  });

  it('is what a DuckDB instance then reports', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ipstats-duckdb-resources-'));
    try {
      const spillDir = path.join(dir, 'spill');
      const instance = await DuckDBInstance.create(':memory:', duckDbInstanceConfig({ spillDir, resources: lambda }));
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll("SELECT current_setting('memory_limit') AS m, current_setting('threads') AS t, current_setting('temp_directory') AS d");
      connection.closeSync();
      instance.closeSync();
      // DuckDB prints 2000 MiB as 1.9 GiB.
      expect(reader.getRowObjectsJS()).toEqual([{ m: '1.9 GiB', t: 2n, d: spillDir }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('spills a sort larger than the limit into the folder instead of failing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ipstats-duckdb-spill-'));
    try {
      const small = duckDbResources({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256' });
      expect(small.memoryLimit).toBe(`${MIN_DUCKDB_MEMORY_MIB}MiB`);
      const spillDir = path.join(dir, 'spill');
      const instance = await DuckDBInstance.create(':memory:', duckDbInstanceConfig({ spillDir, resources: small, threads: 1 }));
      const connection = await instance.connect();
      // ~200 MB of rows sorted under a 64 MiB limit (without a temp_directory: out of memory).
      const reader = await connection.runAndReadAll(
        "SELECT count(*) AS n, max(s) AS top FROM (SELECT i, repeat('x', 60) || i AS s FROM range(2000000) t(i) ORDER BY s DESC)",
      );
      // DuckDB creates the folder when it first spills, and removes it when the instance closes.
      expect(existsSync(spillDir)).toBe(true);
      connection.closeSync();
      instance.closeSync();
      expect(reader.getRowObjectsJS()).toEqual([{ n: 2_000_000n, top: `${'x'.repeat(60)}999999` }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
