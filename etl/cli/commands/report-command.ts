/** `ipstats report --city CODE`: one city's report from what the lake holds now. */
import { Option, type Command } from 'commander';
import type { ObjectStore } from '../../lake/object-store.ts';
import { readLakeRecord } from '../../lake/lake-record.ts';
import { cityByCode, loadCityConfig } from '../../config/city-config.ts';
import { openObjectStore } from '../../lake/open-object-store.ts';
import { requireIngestedLake } from '../../lake/require-ingested-lake.ts';
import { buildReports } from '../../pipeline/build-reports.ts';
import { INDEX_FILE_NAMES, indexFileKey } from '../../reports/index-page/index-page-key.ts';
import { writeCityConfigTable } from '../../pipeline/city-config-table.ts';
import { UsageError } from '../cli-errors.ts';
import { DEFAULT_LAKE, DEFAULT_OUT, SAMPLE_CONFIG } from '../defaults.ts';
import { loggerFor, parsePeriodOption } from '../options.ts';
import { warnAboutUncommittedObjects } from '../../pipeline/uncommitted-warning.ts';
import { failPlainlyWhenDiskFull, NOTHING_PUBLISHED } from '../../lake/disk-full.ts';
import { guardOutput } from '../output-guard.ts';
import { reportPaths, reportSummaryTable } from '../report-summary.ts';
import { deliverToOutbox } from '../deliver-to-outbox.ts';
import { DEFAULT_REPORT_FORMATS } from '../../pipeline/build-reports.ts';
import { reportLocation } from '../../pipeline/report-location.ts';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../../reports/format/report-format.ts';
import { isReportLanguage, REPORT_LANGUAGES, type ReportLanguage } from '../../reports/format/report-language.ts';

function parseFormats(value: string): ReportFormat[] {
  const formats = value.split(',').map((format) => format.trim());
  for (const format of formats) {
    if (!isReportFormat(format)) throw new UsageError(`--format '${format}' is not available; available: ${REPORT_FORMATS.join(', ')}`);
  }
  return formats as ReportFormat[];
}

function parseLanguage(value: string): ReportLanguage {
  if (!isReportLanguage(value)) throw new UsageError(`--lang '${value}' is not available; available: ${REPORT_LANGUAGES.join(', ')}`);
  return value;
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description("write one city's report for a month from the lake")
    .requiredOption('--city <code>', 'six-digit city code of a configured city')
    .option('--period <YYYY-MM>', 'report month (default: the latest month every flow source covers); refused when no source covers it', parsePeriodOption)
    .addOption(
      new Option('--format <formats>', 'comma-separated report formats (report.json is always written)').default([...DEFAULT_REPORT_FORMATS], DEFAULT_REPORT_FORMATS.join(',')).argParser(parseFormats),
    )
    .addOption(new Option('--lang <language>', 'language of report.html and index.html').default('zh').argParser(parseLanguage))
    .option('--deliver', "write each city's notification (Chinese text, links to its report) to <out>/outbox/ instead of sending it")
    .option('--lake <dir>', 'lake folder or s3://bucket/prefix', DEFAULT_LAKE)
    .option('--out <dir>', 'output folder or s3://bucket/prefix', DEFAULT_OUT)
    .addOption(new Option('--config <file>', 'city configuration (JSON or YAML); required for a lake of your own data').default(SAMPLE_CONFIG, "the sample's samples/default/cities.json"))
    .action(async (options: { city: string; period?: string; lake: string; out: string; config: string; format: ReportFormat[]; lang: ReportLanguage; deliver?: boolean }, command: Command) => {
      const logger = loggerFor(program.opts());
      const lake = openObjectStore(options.lake);
      if (command.getOptionValueSource('config') === 'default') await refuseSampleConfigForUserLake(lake, options.lake);
      const config = await loadCityConfig(options.config);
      const city = cityByCode(config, options.city);
      // Before anything is written: a wrong --lake must not become a new, empty lake.
      await requireIngestedLake(lake);
      // Refuses an output folder holding another lake's reports.
      const output = await guardOutput({ out: options.out, lake, logger });
      const out = openObjectStore(options.out);
      await warnAboutUncommittedObjects(lake, options.lake, logger);
      await failPlainlyWhenDiskFull(lake.location, NOTHING_PUBLISHED, () => writeCityConfigTable(lake, config));
      const { period, reports, indexKey } = await buildReports({ lake, out, config, cities: [city], period: options.period, formats: options.format, language: options.lang, logger });
      await output.recordPublication();
      process.stdout.write(`report month ${period}\n${reportSummaryTable(reports)}\n\n${reportPaths(out.location, reports)}\n`);
      if (indexKey !== null) {
        process.stdout.write(`index: ${reportLocation(out.location, indexKey)}\n`);
        process.stdout.write(`index tables: ${[INDEX_FILE_NAMES.xlsx, INDEX_FILE_NAMES.json].map((name) => reportLocation(out.location, indexFileKey(period, name))).join(' ')}\n`);
      }
      if (options.deliver) await deliverToOutbox(out, options.out, reports);
    });
}

/** A lake of a user's data reported with the sample's configuration would give its cities the sample's made-up targets. */
async function refuseSampleConfigForUserLake(lake: ObjectStore, lakeOption: string): Promise<void> {
  const record = await readLakeRecord(lake);
  if (record?.built_for !== 'user') return;
  const built = record.config === null ? '' : ` (it was first built with ${record.config})`;
  throw new UsageError(
    `the lake ${lakeOption} holds your data, and without --config the configuration is the sample's (${SAMPLE_CONFIG}: its cities and made-up targets): give your city configuration with --config <file>${built}`,
  );
}
