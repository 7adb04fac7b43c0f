/**
 * Which way ingestFile reads and checks records when the caller does not say (issue 14): the
 * JavaScript way by default, or `IPSTATS_INGEST_ENGINE=duckdb` for the whole run — every command,
 * `npm start` included — so an operator can compare the two ways on real extracts
 * (docs/performance.md). Any other value is refused rather than ignored.
 */
export type IngestEngine = 'duckdb' | 'javascript';

export const INGEST_ENGINE_VARIABLE = 'IPSTATS_INGEST_ENGINE';

export function ingestEngineFromEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): IngestEngine {
  const value = env[INGEST_ENGINE_VARIABLE];
  if (value === undefined || value === '') return 'javascript';
  if (value === 'duckdb' || value === 'javascript') return value;
  throw new RangeError(`${INGEST_ENGINE_VARIABLE} must be duckdb or javascript, got ${JSON.stringify(value)}`);
}
