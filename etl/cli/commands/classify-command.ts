/**
 * `ipstats classify [--year YYYY]`: the patent-intensity analysis of industries against the
 * loaded classification (etl/classification/intensity-analysis.ts). Prints a table (or CSV /
 * JSON with --format) and always writes both files under `<out>/classify/year=YYYY/`.
 */
import { Option, type Command } from 'commander';
import { analyseIntensity, DEFAULT_MIN_EMPLOYEES, DEFAULT_MIN_INVENTION_PATENTS } from '../../classification/intensity-analysis.ts';
import { intensityCsv, intensityJson, intensityTable } from '../../classification/intensity-output.ts';
import { fetchIntensityInputs, fetchLatestIntensityYear } from '../../classification/intensity-queries.ts';
import { openObjectStore } from '../../lake/open-object-store.ts';
import { openLakeEngine } from '../../pipeline/lake-engine.ts';
import { reportLocation } from '../../pipeline/report-location.ts';
import { UsageError } from '../cli-errors.ts';
import { DEFAULT_LAKE, DEFAULT_OUT } from '../defaults.ts';
import { makeWorkFolder, removeWorkFolder } from '../../work-folders/work-folders.ts';

type OutputFormat = 'table' | 'csv' | 'json';

interface ClassifyOptions {
  readonly year?: number;
  readonly lake: string;
  readonly out: string;
  readonly format: OutputFormat;
  readonly minEmployees: number;
  readonly minPatents: number;
}

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year '${value}' is not a year YYYY (for example 2024)`);
  return Number(value);
}

function parseCount(option: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${option} '${value}' is not a whole number ≥ 0`);
    return Number(value);
  };
}

/** Lake keys of the written analysis. */
export function classifyKeys(year: number): { csv: string; json: string } {
  return { csv: `classify/year=${year}/patent-intensity.csv`, json: `classify/year=${year}/patent-intensity.json` };
}

export function registerClassifyCommand(program: Command): void {
  program
    .command('classify')
    .description('patent intensity of industries (inventions per 10,000 employees) against the loaded patent-intensive classification')
    .option('--year <YYYY>', 'last year of the five-year patent window (default: the latest year in the data)', parseYear)
    .option('--lake <dir>', 'lake folder or s3://bucket/prefix', DEFAULT_LAKE)
    .option('--out <dir>', 'output folder (classify/year=…/) or s3://bucket/prefix', DEFAULT_OUT)
    .addOption(new Option('--format <format>', 'what to print').choices(['table', 'csv', 'json']).default('table'))
    .option('--min-employees <n>', 'minimum employees of a candidate class', parseCount('--min-employees'), DEFAULT_MIN_EMPLOYEES)
    .option('--min-patents <n>', 'minimum invention patents of a candidate class', parseCount('--min-patents'), DEFAULT_MIN_INVENTION_PATENTS)
    .action(async (options: ClassifyOptions) => {
      const cacheDir = await makeWorkFolder('classify');
      const engine = await openLakeEngine(openObjectStore(options.lake), cacheDir);
      try {
        const year = options.year ?? (await fetchLatestIntensityYear(engine));
        if (year === null) throw new UsageError(`the lake ${options.lake} holds no enterprises or patents of configured cities: run ipstats run first`);
        const inputs = await fetchIntensityInputs(engine, year);
        const analysis = analyseIntensity({ ...inputs, minEmployees: options.minEmployees, minInventionPatents: options.minPatents });
        const out = openObjectStore(options.out);
        const keys = classifyKeys(year);
        const csv = intensityCsv(analysis);
        const json = intensityJson(analysis);
        await out.put(keys.csv, csv, { contentType: 'text/csv' });
        await out.put(keys.json, json, { contentType: 'application/json' });
        if (options.format === 'csv') process.stdout.write(csv);
        else if (options.format === 'json') process.stdout.write(json);
        else {
          process.stdout.write(`${intensityTable(analysis)}\n\nwritten: ${reportLocation(out.location, keys.csv)}\n         ${reportLocation(out.location, keys.json)}\n`);
        }
      } finally {
        await engine.close();
        await removeWorkFolder(cacheDir);
      }
    });
}
