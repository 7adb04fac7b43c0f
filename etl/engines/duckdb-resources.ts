/**
 * How much memory and how many threads a DuckDB instance may use in this process, and where it
 * spills. In a Lambda (AWS_LAMBDA_FUNCTION_MEMORY_SIZE is set) the limit comes from the
 * function's memory, minus room for Node (runtime, code, heap) and the JavaScript work beside the
 * query; the threads from the vCPUs Lambda gives at that memory (one per 1,769 MB, at most 6).
 * Elsewhere DuckDB keeps its own defaults (80 % of the RAM it sees, every core). Every DuckDB
 * instance of the Lambda code paths is created with duckDbInstanceConfig; docs/aws.md records the
 * measurements behind the figures.
 */
import path from 'node:path';

/** Lambda gives one vCPU's worth of CPU per 1,769 MB of memory, and 6 vCPUs at most (10,240 MB). */
export const LAMBDA_MB_PER_VCPU = 1769;
export const LAMBDA_MAX_VCPUS = 6;
/** Node's runtime, the bundle and a settled heap: ~110 MB measured, with a margin. */
export const NODE_BASE_RESERVE_MIB = 256;
/** The JavaScript heap grown by the work around the query (parsing, outcomes, S3 transfers). */
export const NODE_SHARE_OF_MEMORY = 0.25;
/** Below this DuckDB cannot hold even a row group of one COPY; a smaller function fails anyway. */
export const MIN_DUCKDB_MEMORY_MIB = 64;
/** Replaces the computed limit (a DuckDB size such as `512MiB`): for an operator, and to show the limit matters. */
export const MEMORY_LIMIT_OVERRIDE_VARIABLE = 'IPSTATS_DUCKDB_MEMORY_LIMIT';

const MEMORY_LIMIT_PATTERN = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

export interface DuckDbResources {
  /** DuckDB's memory_limit, e.g. `2000MiB`; undefined keeps DuckDB's default. */
  readonly memoryLimit: string | undefined;
  /** The vCPUs this process may keep busy; undefined outside Lambda (DuckDB's default: every core). */
  readonly vcpus: number | undefined;
  /** The function's memory in MB, when running in Lambda. */
  readonly functionMemoryMb: number | undefined;
}

/** vCPUs Lambda gives a function of this memory. */
export function lambdaVcpus(memoryMb: number): number {
  requirePositiveInteger('function memory (MB)', memoryMb);
  return Math.min(LAMBDA_MAX_VCPUS, Math.max(1, Math.ceil(memoryMb / LAMBDA_MB_PER_VCPU)));
}

/** DuckDB's memory limit in MiB for a function of this memory (Lambda's MB are MiB). */
export function duckDbMemoryLimitMiB(memoryMb: number): number {
  requirePositiveInteger('function memory (MB)', memoryMb);
  const nodeReserve = NODE_BASE_RESERVE_MIB + Math.ceil(memoryMb * NODE_SHARE_OF_MEMORY);
  return Math.max(MIN_DUCKDB_MEMORY_MIB, memoryMb - nodeReserve);
}

export function duckDbResources(env: Readonly<Record<string, string | undefined>> = process.env): DuckDbResources {
  const override = env[MEMORY_LIMIT_OVERRIDE_VARIABLE] || undefined;
  if (override !== undefined && !MEMORY_LIMIT_PATTERN.test(override)) {
    throw new RangeError(`${MEMORY_LIMIT_OVERRIDE_VARIABLE} must be a DuckDB size such as '512MiB' or '2GB', got '${override}'`);
  }
  const memory = env['AWS_LAMBDA_FUNCTION_MEMORY_SIZE'];
  if (memory === undefined || memory === '') return { memoryLimit: override, vcpus: undefined, functionMemoryMb: undefined };
  const memoryMb = Number(memory);
  if (!Number.isInteger(memoryMb) || memoryMb < 128) {
    throw new RangeError(`AWS_LAMBDA_FUNCTION_MEMORY_SIZE must be the function's memory in MB (a whole number ≥ 128), got '${memory}'`);
  }
  return { memoryLimit: override ?? `${duckDbMemoryLimitMiB(memoryMb)}MiB`, vcpus: lambdaVcpus(memoryMb), functionMemoryMb: memoryMb };
}

export interface DuckDbInstanceConfigOptions {
  /**
   * A folder of the caller's own under its work folder (so under /tmp in Lambda, where DuckDB's
   * default, `.tmp` in the working directory, is read-only /var/task): DuckDB creates it when it
   * first spills past the limit and removes it on close. Its parent must exist.
   */
  readonly spillDir: string;
  /** DuckDB worker threads. @default the vCPUs in Lambda, DuckDB's default elsewhere */
  readonly threads?: number;
  /** @default duckDbResources() */
  readonly resources?: DuckDbResources;
}

/** The options of `DuckDBInstance.create` for one instance. */
export function duckDbInstanceConfig(options: DuckDbInstanceConfigOptions): Record<string, string> {
  const resources = options.resources ?? duckDbResources();
  if (!path.isAbsolute(options.spillDir)) throw new RangeError(`DuckDB spill folder must be an absolute path, got '${options.spillDir}'`);
  const threads = options.threads ?? resources.vcpus;
  if (threads !== undefined) requirePositiveInteger('DuckDB threads', threads);
  return {
    temp_directory: options.spillDir,
    ...(resources.memoryLimit === undefined ? {} : { memory_limit: resources.memoryLimit }),
    ...(threads === undefined ? {} : { threads: String(threads) }),
  };
}

function requirePositiveInteger(what: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a whole number ≥ 1, got ${value}`);
}
