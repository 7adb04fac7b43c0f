/** IPSTATS_INGEST_ENGINE picks the way of ingesting for a whole run; a wrong value is refused. */
import { describe, expect, it } from 'vitest';
import { ingestEngineFromEnvironment } from '../../../etl/ingest/ingest-engine.ts';

describe('ingestEngineFromEnvironment', () => {
  it('is the JavaScript way unless the environment says duckdb', () => {
    expect(ingestEngineFromEnvironment({})).toBe('javascript');
    expect(ingestEngineFromEnvironment({ IPSTATS_INGEST_ENGINE: '' })).toBe('javascript');
    expect(ingestEngineFromEnvironment({ IPSTATS_INGEST_ENGINE: 'duckdb' })).toBe('duckdb');
    expect(ingestEngineFromEnvironment({ IPSTATS_INGEST_ENGINE: 'javascript' })).toBe('javascript');
  });

  it('refuses any other value', () => {
    expect(() => ingestEngineFromEnvironment({ IPSTATS_INGEST_ENGINE: 'DuckDB' })).toThrow('IPSTATS_INGEST_ENGINE must be duckdb or javascript, got "DuckDB"');
  });
});
