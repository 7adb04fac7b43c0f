/** `ipstats report --city CODE`: one city's report from what the lake holds now. */
import { Option, type Command } from 'commander';
import { cityByCode, loadCityConfig } from '../../config/city-config.ts';
import { openObjectStore } from '../../lake/open-object-store.ts';
import { buildReports } from '../../pipeline/build-reports.ts';
import { writeCityConfigTable } from '../../pipeline/city-config-table.ts';
import { UsageError } from '../cli-errors.ts';
import { DEFAULT_LAKE, DEFAULT_OUT, SAMPLE_CONFIG } from '../defaults.ts';
import { parsePeriodOption } from '../options.ts';
import { reportPaths, reportSummaryTable } from '../report-summary.ts';

const AVAILABLE_FORMATS = ['json'];

function parseFormats(value: string): string[] {
  const formats = value.split(',').map((format) => format.trim());
  for (const format of formats) {
    if (!AVAILABLE_FORMATS.includes(format)) {
      throw new UsageError(`--format '${format}' is not available; available: ${AVAILABLE_FORMATS.join(', ')} (html and xlsx come with the report issue)`);
    }
  }
  return formats;
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description("write one city's report for a month from the lake")
    .requiredOption('--city <code>', 'six-digit city code of a configured city')
    .option('--period <YYYY-MM>', 'report month (default: the latest month every flow source has reported)', parsePeriodOption)
    .addOption(new Option('--format <formats>', 'comma-separated report formats').default(['json'], 'json').argParser(parseFormats))
    .option('--lake <dir>', 'lake folder or s3://bucket/prefix', DEFAULT_LAKE)
    .option('--out <dir>', 'output folder or s3://bucket/prefix', DEFAULT_OUT)
    .option('--config <file>', 'city configuration (JSON or YAML)', SAMPLE_CONFIG)
    .action(async (options: { city: string; period?: string; lake: string; out: string; config: string }) => {
      const config = await loadCityConfig(options.config);
      const city = cityByCode(config, options.city);
      const lake = openObjectStore(options.lake);
      const out = openObjectStore(options.out);
      await writeCityConfigTable(lake, config);
      const { period, reports } = await buildReports({ lake, out, config, cities: [city], period: options.period });
      process.stdout.write(`report month ${period}\n${reportSummaryTable(reports)}\n\n${reportPaths(out.location, reports)}\n`);
    });
}
