/**
 * The whole local pipeline (`ipstats run`): ingest every dataset folder of the input, publish the
 * city configuration to the lake, refresh the views and write every configured city's report.
 */
import type { Logger } from '../cli/logger.ts';
import { logNotIngested } from '../cli/not-ingested-output.ts';
import { loadCityConfig, type CityConfig } from '../config/city-config.ts';
import type { RunCovers } from '../coverage/run-covers.ts';
import type { IngestedFile } from '../ingest/ingest-paths.ts';
import type { NotIngested } from '../ingest/not-ingested.ts';
import { DiskFullError, failPlainlyWhenDiskFull, NOTHING_PUBLISHED } from '../lake/disk-full.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { openObjectStore } from '../lake/open-object-store.ts';
import { REPORT_FILE_NAMES } from '../reports/format/report-format.ts';
import { addMonths } from '../reports/period.ts';
import { blockedDatasets, type BlockedDataset } from './blocked-datasets.ts';
import { buildReports, reportPeriodOf, type WrittenReport } from './build-reports.ts';
import { ensureDefaultClassification } from '../classification/default-classification.ts';
import { writeCityConfigTable } from './city-config-table.ts';
import { ingestInputFolder } from './ingest-input-folder.ts';
import { ingestUnderLock } from './ingest-under-lock.ts';

export interface RunPipelineOptions {
  readonly inputDir: string;
  readonly configPath: string;
  /** Lake folder or `s3://bucket/prefix`, or the lake already opened (the CLI's guarded lake, etl/cli/lake-guard.ts). */
  readonly lake: string | ObjectStore;
  /** Output folder or `s3://bucket/prefix` for reports. */
  readonly out: string;
  readonly period?: string;
  /** `--covers`: coverage declared on the command line. @default none (each folder's coverage.json, if any) */
  readonly covers?: RunCovers;
  readonly logger: Logger;
  readonly now?: () => Date;
  /**
   * Replays the input as two deliveries: the files `heldBack` selects arrive only after the
   * reports of the month before the report month have been published (unless they already
   * are), so the report month's revisions show what those files changed. `ipstats run` with no
   * --input replays the shipped sample this way (its correction file arrives late). @default none
   */
  readonly replay?: { readonly heldBack: (filePath: string) => boolean };
  /** How long to wait for another ingestion's lock on a local lake (docs/lake.md "One writer at a time"). @default 10 minutes */
  readonly lockTimeoutMs?: number;
  /** Opens the lake and the output from their URLs (tests wrap the stores). @default openObjectStore */
  readonly openStore?: (url: string) => ObjectStore;
}

export interface RunPipelineResult {
  readonly ingested: readonly IngestedFile[];
  /** Entries of the input not ingested, each with its reason (also logged as warnings). */
  readonly notIngested: readonly NotIngested[];
  readonly period: string;
  readonly reports: readonly WrittenReport[];
  readonly outLocation: string;
  /** With `replay`: the month before, published before the held-back files arrived (null when it already was). */
  readonly earlier: { readonly period: string; readonly reports: readonly WrittenReport[] } | null;
  /**
   * Datasets a file could not be read in, and which: their later files were not ingested, the
   * reports show their figures only as far as their ingested data goes (blocked-datasets.ts).
   */
  readonly blocked: readonly BlockedDataset[];
}

export async function runPipeline(options: RunPipelineOptions): Promise<RunPipelineResult> {
  try {
    return await runAll(options);
  } catch (error) {
    // A full disk anywhere (lake, temporary files, output) stops the run before the reports are published.
    if (error instanceof DiskFullError) throw error.withOutcome(NOTHING_PUBLISHED);
    throw error;
  }
}

async function runAll(options: RunPipelineOptions): Promise<RunPipelineResult> {
  const config = await loadCityConfig(options.configPath);
  const openStore = options.openStore ?? openObjectStore;
  const lake = typeof options.lake === 'string' ? openStore(options.lake) : options.lake;
  const out = openStore(options.out);
  // A file that cannot be read blocks its own dataset only (ingest-paths.ts): the run goes on without it.
  const ingest = (include: ((filePath: string) => boolean) | undefined, checkLeftovers: boolean) =>
    ingestUnderLock(lake, { logger: options.logger, lakeArgument: lake.location, lockTimeoutMs: options.lockTimeoutMs, checkLeftovers }, async () => {
      const result = await ingestInputFolder({ store: lake, inputDir: options.inputDir, logger: options.logger, now: options.now, covers: options.covers, include });
      // A lake without a classification gets the official 2019 table (default-classification.ts).
      await ensureDefaultClassification(lake, { logger: options.logger, ...(options.now === undefined ? {} : { now: options.now }) });
      return result;
    });
  const replay = options.replay;
  // A replay lists the same input twice: what is not ingested is said once.
  const { files: ingested, notIngested } = await ingest(replay === undefined ? undefined : (filePath) => !replay.heldBack(filePath), true);
  logNotIngested(options.logger, notIngested);
  await failPlainlyWhenDiskFull(lake.location, NOTHING_PUBLISHED, () => writeCityConfigTable(lake, config));
  let earlier: RunPipelineResult['earlier'] = null;
  if (replay !== undefined) {
    earlier = await publishEarlierMonth({ lake, out, config, period: options.period, now: options.now, logger: options.logger });
    // The first delivery has looked for leftovers already.
    ingested.push(...(await ingest(replay.heldBack, false)).files);
  }
  options.logger.info('building reports', { cities: config.cities.length, lake: lake.location });
  const { period, reports } = await buildReports({ lake, out, config, cities: config.cities, period: options.period, now: options.now, logger: options.logger });
  return { ingested, notIngested, period, reports, outLocation: out.location, earlier, blocked: blockedDatasets(ingested) };
}

/** The reports of the month before the report month, unless every city's is published already. */
async function publishEarlierMonth(options: {
  readonly lake: ObjectStore;
  readonly out: ObjectStore;
  readonly config: CityConfig;
  readonly period: string | undefined;
  readonly now: (() => Date) | undefined;
  readonly logger: Logger;
}): Promise<RunPipelineResult['earlier']> {
  const { lake, out, config } = options;
  const earlierPeriod = addMonths(await reportPeriodOf({ lake, cities: config.cities, period: options.period }), -1);
  const published = await Promise.all(config.cities.map((city) => out.exists(lakeKeys.report(city.code, earlierPeriod, REPORT_FILE_NAMES.json))));
  if (published.every(Boolean)) return null;
  options.logger.info('building reports of the earlier month', { period: earlierPeriod, cities: config.cities.length });
  const { reports } = await buildReports({ lake, out, config, cities: config.cities, period: earlierPeriod, now: options.now, logger: options.logger });
  return { period: earlierPeriod, reports };
}
