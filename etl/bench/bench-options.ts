/** Command-line options of `npm run bench`. */
import { BENCH_FILES, type BenchFileName } from './bench-files.ts';

export interface BenchOptions {
  /** Rows of the generated patent_events files (ignored with `file`). */
  readonly rows: number;
  /** Which generated files to measure, in this order (ignored with `file`). */
  readonly files: readonly BenchFileName[];
  /** An existing patent_events CSV to measure instead of the generated ones. */
  readonly file?: string;
  /** Seed of the generated files, so two runs measure the same bytes. */
  readonly seed: number;
}

export const DEFAULT_BENCH_ROWS = 1_000_000;
export const DEFAULT_BENCH_SEED = 20_250_701;

const USAGE = '--rows N, --files utf8,gb18030,bad5, --file PATH or --seed N';

function parseFiles(value: string): BenchFileName[] {
  const names = value.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!BENCH_FILES.includes(name as BenchFileName)) throw new Error(`bench: --files takes ${BENCH_FILES.join(', ')}, got ${name === '' ? 'an empty name' : name}`);
  }
  return [...new Set(names as BenchFileName[])];
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let rows = DEFAULT_BENCH_ROWS;
  let files: readonly BenchFileName[] | undefined;
  let file: string | undefined;
  let seed = DEFAULT_BENCH_SEED;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index]!;
    const value = argv[index + 1];
    if (flag === '--') continue;
    if (flag !== '--rows' && flag !== '--files' && flag !== '--file' && flag !== '--seed') {
      throw new Error(`bench: unknown option ${flag} (expected ${USAGE})`);
    }
    if (value === undefined) throw new Error(`bench: ${flag} needs a value`);
    index++;
    if (flag === '--file') {
      file = value;
    } else if (flag === '--files') {
      files = parseFiles(value);
    } else {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1) throw new Error(`bench: ${flag} must be a whole number ≥ 1, got ${value}`);
      if (flag === '--rows') rows = number;
      else seed = number;
    }
  }
  if (file !== undefined && files !== undefined) throw new Error('bench: --file measures one given file, --files generated ones: use one of them');
  const chosen = files ?? BENCH_FILES;
  return file === undefined ? { rows, files: chosen, seed } : { rows, files: chosen, seed, file };
}
