/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  /** Rows of the generated patent_events file (ignored with `file`). */
  readonly rows: number;
  /** An existing patent_events CSV to measure instead of a generated one. */
  readonly file?: string;
  /** Seed of the generated file, so two runs measure the same bytes. */
  readonly seed: number;
}

export const DEFAULT_BENCH_ROWS = 1_000_000;
export const DEFAULT_BENCH_SEED = 20_250_701;

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let rows = DEFAULT_BENCH_ROWS;
  let file: string | undefined;
  let seed = DEFAULT_BENCH_SEED;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index]!;
    const value = argv[index + 1];
    if (flag === '--') continue;
    if (flag !== '--rows' && flag !== '--file' && flag !== '--seed') {
      throw new Error(`bench: unknown option ${flag} (expected --rows N, --file PATH or --seed N)`);
    }
    if (value === undefined) throw new Error(`bench: ${flag} needs a value`);
    index++;
    if (flag === '--file') {
      file = value;
    } else {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1) throw new Error(`bench: ${flag} must be a whole number ≥ 1, got ${value}`);
      if (flag === '--rows') rows = number;
      else seed = number;
    }
  }
  return file === undefined ? { rows, seed } : { rows, seed, file };
}
