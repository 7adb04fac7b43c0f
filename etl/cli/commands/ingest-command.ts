/** `ipstats ingest DATASET PATH…`: ingest files or folders of one dataset and say what became of each. */
import path from 'node:path';
import { Command, Option } from 'commander';
import { formatMonthRange, parseMonthRange, type MonthRange } from '../../coverage/coverage-range.ts';
import { getDataset } from '../../schemas/index.ts';
import { blockingFile, ingestPaths, type IngestedFile } from '../../ingest/ingest-paths.ts';
import type { NotIngested } from '../../ingest/not-ingested.ts';
import { StrictRejectsError } from '../cli-errors.ts';
import { guardLake } from '../lake-guard.ts';
import { logNotIngested } from '../not-ingested-output.ts';
import { rowsRejectedInFiles } from '../rows-rejected.ts';
import { lockTimeoutOption, loggerFor, parseDatasetName, strictOption } from '../options.ts';
import { ingestUnderLock } from '../../pipeline/ingest-under-lock.ts';
import { DEFAULT_LAKE } from '../defaults.ts';
import { formatTable } from '../text-table.ts';

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('ingest files or folders of one dataset into the lake')
    .argument('<dataset>', 'dataset name (folder name of DATA-CONTRACT.md), e.g. patent_events')
    .argument('<paths...>', 'CSV files or folders of CSV files')
    .option('--lake <dir>', 'lake folder or s3://bucket/prefix; it remembers whether it holds the shipped sample or your data (lake.json), and the two are never mixed', DEFAULT_LAKE)
    .addOption(new Option('--encoding <encoding>', 'override the encoding detection').choices(['utf-8', 'gb18030']))
    .option('--covers <FROM..TO>', 'the months every file given covers, e.g. 2019-01..2025-03 (monthly datasets; wins over coverage.json)', (value: string) => parseMonthRange(value, '--covers'))
    .addOption(strictOption())
    .addOption(lockTimeoutOption())
    .action(async (datasetName: string, paths: string[], options: { lake: string; encoding?: 'utf-8' | 'gb18030'; covers?: MonthRange; strict?: boolean; lockTimeout?: number }) => {
      const logger = loggerFor(program.opts());
      const dataset = getDataset(parseDatasetName(datasetName));
      // Refuses to mix the shipped sample and other files in one lake; records lake.json on the first write.
      const store = await guardLake({ lake: options.lake, command: 'ipstats ingest', inputs: paths, config: null, logger });
      // One writer at a time on a local lake (docs/lake.md); leftovers are checked under the lock, where no ingestion is half-way.
      const { files: results, notIngested } = await ingestUnderLock(store, { logger, lakeArgument: options.lake, lockTimeoutMs: options.lockTimeout }, () =>
        ingestPaths({
          store,
          dataset,
          paths,
          covers: options.covers,
          encoding: options.encoding,
          onFileStart: (filePath) => logger.info('ingesting', { dataset: dataset.name, file: filePath }),
          onProgress: (filePath, records) => logger.progress('reading', { file: path.basename(filePath), records }),
        }),
      );
      logNotIngested(logger, notIngested);
      process.stdout.write(`${ingestTable(results, notIngested)}\n`);
      process.stdout.write(`lake: ${store.location}\n`);
      for (const result of results) {
        if (result.coverageWarning !== null) logger.warn('rows outside the declared coverage', { dataset: dataset.name, file: path.basename(result.filePath), warning: result.coverageWarning });
      }
      // ingest's job is the files given: one that cannot be read fails it (exit 1), and the dataset's
      // files after it were not ingested (ingest-paths.ts). `run` goes on without the dataset instead.
      const blocking = blockingFile(results);
      if (blocking !== undefined) {
        const after = blocking.blockedFiles!.length === 0 ? '' : `; not ingested after it: ${blocking.blockedFiles!.map((file) => path.basename(file)).join(', ')}`;
        throw new Error(`1 file(s) rejected whole: ${path.basename(blocking.filePath)}: ${blocking.manifest.error}${after}`);
      }
      const rejected = rowsRejectedInFiles(results);
      if (options.strict && (rejected > 0 || notIngested.length > 0)) throw new StrictRejectsError(rejected, notIngested.length);
    });
}

/** One row per file, then one per file a blocking file kept out, then one per entry not ingested; the coverage column only when some file has a declared coverage. */
function ingestTable(results: readonly IngestedFile[], notIngested: readonly NotIngested[]): string {
  const withCoverage = results.some((result) => result.manifest.coverage !== undefined);
  const blocking = blockingFile(results);
  const rows = results.map(({ filePath, manifest, skipped, coverageUpdated }) => {
    const coverage = manifest.coverage === undefined ? '' : `${formatMonthRange(manifest.coverage)} (${manifest.coverage.declared_in})`;
    return [
      path.basename(filePath),
      coverageUpdated ? 'coverage declaration updated' : skipped ? 'already ingested' : manifest.status === 'ingested' ? 'ingested' : `REJECTED: ${manifest.error}`,
      String(manifest.rows.read),
      String(manifest.rows.accepted),
      String(manifest.rows.rejected),
      ...(withCoverage ? [coverage] : []),
      manifest.outputs.rejects ?? '',
    ];
  });
  for (const file of blocking?.blockedFiles ?? []) rows.push([path.basename(file), `not ingested: ${path.basename(blocking!.filePath)} blocks the dataset`, '', '', '', ...(withCoverage ? [''] : []), '']);
  for (const entry of notIngested) rows.push([entry.path, `not ingested: ${entry.reason}`, '', '', '', ...(withCoverage ? [''] : []), '']);
  const header = ['file', 'status', 'read', 'accepted', 'rejected', ...(withCoverage ? ['coverage'] : []), 'rejects'];
  return formatTable(header, rows, [false, false, true, true, true, false, false]);
}
