/** `ipstats sample --out DIR`: deterministic synthetic sources and a city configuration. */
import type { Command } from 'commander';
import { generateSample, SampleOptionsError } from '../../sample/generate-sample.ts';
import { UsageError } from '../cli-errors.ts';

export function registerSampleCommand(program: Command): void {
  program
    .command('sample')
    .description('generate realistic synthetic sources for every dataset (deterministic for a seed)')
    .requiredOption('--out <dir>', 'folder to write <dataset>/*.csv and cities.json into')
    .option('--cities <n>', 'configured cities')
    .option('--months <m>', 'months of data, ending at --end-period')
    .option('--rows-scale <k>', 'multiplies the number of rows')
    .option('--seed <s>', 'random seed')
    .option('--end-period <YYYY-MM>', 'last month of the data')
    .action(async (options: { out: string; cities?: string; months?: string; rowsScale?: string; seed?: string; endPeriod?: string }) => {
      try {
        const result = await generateSample({
          outDir: options.out,
          cities: options.cities,
          months: options.months,
          rowsScale: options.rowsScale,
          seed: options.seed,
          endPeriod: options.endPeriod,
        });
        process.stdout.write(`wrote ${result.files.length} files (${(result.bytes / 1_000_000).toFixed(1)} MB) to ${result.outDir}\n`);
      } catch (error) {
        if (error instanceof SampleOptionsError) throw new UsageError(error.message, { cause: error });
        throw error;
      }
    });
}
