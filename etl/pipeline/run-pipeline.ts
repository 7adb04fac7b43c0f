/**
 * The whole local pipeline (`ipstats run`): ingest every dataset folder of the input, publish the
 * city configuration to the lake, refresh the views and write every configured city's report.
 */
import type { Logger } from '../cli/logger.ts';
import { loadCityConfig } from '../config/city-config.ts';
import type { RunCovers } from '../coverage/run-covers.ts';
import type { IngestedFile } from '../ingest/ingest-paths.ts';
import { openObjectStore } from '../lake/open-object-store.ts';
import { buildReports, type WrittenReport } from './build-reports.ts';
import { writeCityConfigTable } from './city-config-table.ts';
import { ingestInputFolder } from './ingest-input-folder.ts';

export interface RunPipelineOptions {
  readonly inputDir: string;
  readonly configPath: string;
  /** Lake folder or `s3://bucket/prefix`. */
  readonly lake: string;
  /** Output folder or `s3://bucket/prefix` for reports. */
  readonly out: string;
  readonly period?: string;
  /** `--covers`: coverage declared on the command line. @default none (each folder's coverage.json, if any) */
  readonly covers?: RunCovers;
  readonly logger: Logger;
  readonly now?: () => Date;
}

export interface RunPipelineResult {
  readonly ingested: readonly IngestedFile[];
  readonly period: string;
  readonly reports: readonly WrittenReport[];
  readonly outLocation: string;
}

/** Some source files could not be read at all: reporting without them would silently undercount. */
export class FilesRejectedError extends Error {
  constructor(readonly files: readonly IngestedFile[]) {
    super(
      `${files.length} source file(s) rejected whole, so no report was written: ` +
        files.map((file) => `${file.filePath}: ${file.manifest.error}`).join('; '),
    );
    this.name = 'FilesRejectedError';
  }
}

export async function runPipeline(options: RunPipelineOptions): Promise<RunPipelineResult> {
  const config = await loadCityConfig(options.configPath);
  const lake = openObjectStore(options.lake);
  const out = openObjectStore(options.out);
  const ingested = await ingestInputFolder({ store: lake, inputDir: options.inputDir, logger: options.logger, now: options.now, covers: options.covers });
  const rejectedWhole = ingested.filter((file) => !file.skipped && file.manifest.status === 'file_rejected');
  if (rejectedWhole.length > 0) throw new FilesRejectedError(rejectedWhole);
  await writeCityConfigTable(lake, config);
  options.logger.info('building reports', { cities: config.cities.length, lake: lake.location });
  const { period, reports } = await buildReports({ lake, out, config, cities: config.cities, period: options.period, now: options.now });
  return { ingested, period, reports, outLocation: out.location };
}
