/** `ipstats run`: the whole pipeline; with no options, on the shipped sample data. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { parseRunCovers } from '../../coverage/run-covers.ts';
import type { WrittenReport } from '../../pipeline/build-reports.ts';
import { openObjectStore } from '../../lake/open-object-store.ts';
import { reportLocation } from '../../pipeline/report-location.ts';
import { runPipeline } from '../../pipeline/run-pipeline.ts';
import { INDEX_FILE_NAMES, indexFileKey, indexPageKey } from '../../reports/index-page/index-page-key.ts';
import { deliverToOutbox } from '../deliver-to-outbox.ts';
import { StrictRejectsError, UsageError } from '../cli-errors.ts';
import { guardLake } from '../lake-guard.ts';
import { guardOutput } from '../output-guard.ts';
import { isInShippedSample } from '../shipped-sample.ts';
import { notIngestedBlock } from '../not-ingested-output.ts';
import { rowsRejectedInFiles } from '../rows-rejected.ts';
import { DEFAULT_LAKE, DEFAULT_OUT, SAMPLE_CONFIG, SAMPLE_INPUT_DIR, SAMPLE_LATER_DELIVERY } from '../defaults.ts';
import { lockTimeoutOption, loggerFor, parsePeriodOption, strictOption } from '../options.ts';
import { blockedSummary } from '../blocked-summary.ts';
import { reportPaths, reportSummaryTable } from '../report-summary.ts';

interface RunOptions {
  readonly input: string;
  readonly lake: string;
  readonly out: string;
  readonly config: string;
  readonly period?: string;
  readonly covers?: string[];
  readonly strict?: boolean;
  readonly deliver?: boolean;
  readonly lockTimeout?: number;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('ingest every dataset folder of the input, refresh the views, write every configured city report')
    .addOption(
      new Option('--input <dir>', 'folder with one sub-folder per dataset').default(
        SAMPLE_INPUT_DIR,
        'the shipped sample samples/default, replayed as two deliveries: the month before the report month is published before its correction file arrives',
      ),
    )
    .addOption(new Option('--lake <dir>', 'lake folder or s3://bucket/prefix; it remembers whether it holds the shipped sample or your data (lake.json), and the two are never mixed').default(DEFAULT_LAKE))
    .addOption(new Option('--out <dir>', 'output folder (reports/…) or s3://bucket/prefix').default(DEFAULT_OUT))
    .addOption(new Option('--config <file>', 'city configuration (JSON or YAML); required with an --input of your own').default(SAMPLE_CONFIG, "the sample's samples/default/cities.json"))
    .option('--period <YYYY-MM>', 'report month (default: the latest month every flow source covers); refused when no source covers it', parsePeriodOption)
    .option(
      '--covers <[DATASET=]FROM..TO>',
      'months the input files cover, e.g. 2019-01..2025-03 (every monthly dataset) or pledges=2019-01..2025-03 (that dataset); repeatable; wins over coverage.json',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .addOption(strictOption())
    .addOption(lockTimeoutOption())
    .option('--deliver', "write each city's notification (Chinese text, links to its report) to <out>/outbox/ instead of sending it")
    .action(async (options: RunOptions, command: Command) => {
      const logger = loggerFor(program.opts());
      const covers = parseRunCovers(options.covers ?? []);
      const sample = command.getOptionValueSource('input') === 'default';
      if (command.getOptionValueSource('config') === 'default' && !(await isInShippedSample(options.input))) {
        throw new UsageError(
          `--input ${options.input} is not the shipped sample, and without --config the configuration is the sample's (${SAMPLE_CONFIG}: its cities and made-up targets): give your city configuration with --config <file>`,
        );
      }
      // Refuses to mix the shipped sample and your data in one lake; records lake.json on the first write.
      const lake = await guardLake({ lake: options.lake, command: 'ipstats run', inputs: [options.input], config: options.config, logger });
      // Refuses an output folder holding another lake's reports.
      const output = await guardOutput({ out: options.out, lake, logger });
      const result = await runPipeline({ ...options, lake, covers, inputDir: options.input, configPath: options.config, logger, replay: sample ? { heldBack: SAMPLE_LATER_DELIVERY } : undefined, lockTimeoutMs: options.lockTimeout });
      await output.recordPublication();
      // A file rejected whole is not counted as ingested: the blocked datasets below name it.
      const fresh = result.ingested.filter((file) => !file.skipped && file.manifest.status === 'ingested');
      const read = fresh.reduce((sum, file) => sum + file.manifest.rows.read, 0);
      const rejected = fresh.reduce((sum, file) => sum + file.manifest.rows.rejected, 0);
      const redeclared = result.ingested.filter((file) => file.coverageUpdated).length;
      process.stdout.write(
        `ingested ${fresh.length} new file(s) (${result.ingested.filter((file) => file.skipped).length} already in the lake): ` +
          `${read.toLocaleString('en-US')} rows read, ${rejected.toLocaleString('en-US')} rejected (see ${options.lake}/rejects/)\n` +
          (redeclared > 0 ? `coverage declaration updated for ${redeclared} file(s) already in the lake\n` : '') +
          '\n' +
          notIngestedBlock(result.notIngested),
      );
      if (result.blocked.length > 0) process.stdout.write(`${blockedSummary(result.blocked)}\n\n`);
      if (result.earlier !== null) {
        process.stdout.write(`published first the reports of ${result.earlier.period}, as they stood before the sample's correction file arrived:\n${reportPaths(result.outLocation, result.earlier.reports)}\n\n`);
      }
      process.stdout.write(`report month ${result.period}\n${reportSummaryTable(result.reports)}\n\n${revisionsLine(result.reports)}reports:\n${reportPaths(result.outLocation, result.reports)}\n`);
      process.stdout.write(`index: ${reportLocation(result.outLocation, indexPageKey(result.period))}\n`);
      process.stdout.write(`index tables: ${[INDEX_FILE_NAMES.xlsx, INDEX_FILE_NAMES.json].map((name) => reportLocation(result.outLocation, indexFileKey(result.period, name))).join(' ')}\n`);
      if (options.deliver) await deliverToOutbox(openObjectStore(options.out), options.out, result.reports);
      const rejectedInInput = rowsRejectedInFiles(result.ingested);
      const blocking = result.blocked.map((blocked) => `${blocked.dataset}/${path.basename(blocked.file)}`);
      if (options.strict && (rejectedInInput > 0 || result.notIngested.length > 0 || blocking.length > 0)) throw new StrictRejectsError(rejectedInInput, result.notIngested.length, blocking);
    });
}

/** How many published figures the reports revise (their 修订说明 sections), when any. */
function revisionsLine(reports: readonly WrittenReport[]): string {
  const revised = reports.filter(({ report }) => report.revisions.changes.length > 0);
  if (revised.length === 0) return '';
  const cities = revised.map(({ city, report }) => `${city.code} ${city.name} ${report.revisions.changes.length}`).join(', ');
  return `revisions of figures published in ${revised[0]!.report.revisions.compared_with?.period ?? 'an earlier report'} (修订说明): ${cities}\n\n`;
}
