/** `ipstats query "SQL"`: run SQL on the lake's views (read-only use by analysts). */
import { Option, type Command } from 'commander';
import type { QueryResult } from '../../engines/query-engine.ts';
import { openObjectStore } from '../../lake/open-object-store.ts';
import { requireIngestedLake } from '../../lake/require-ingested-lake.ts';
import { openLakeEngine } from '../../pipeline/lake-engine.ts';
import { spreadsheetCsv } from '../../csv-export/spreadsheet-csv.ts';
import { athenaEngineForCli, type AthenaCliOptions } from '../athena-cli-engine.ts';
import { DEFAULT_LAKE } from '../defaults.ts';
import { formatTable } from '../text-table.ts';
import { makeWorkFolder, removeWorkFolder } from '../../work-folders/work-folders.ts';

type OutputFormat = 'table' | 'csv' | 'json';

export function formatQueryResult(result: QueryResult, format: OutputFormat): string {
  const names = result.columns.map((column) => column.name);
  switch (format) {
    case 'json':
      return `${JSON.stringify(result.rows, null, 2)}\n`;
    case 'csv':
      // For spreadsheets: text that would run as a formula is neutralised (etl/csv-export/formula-guard.ts).
      return spreadsheetCsv(names, result.rows.map((row) => names.map((name) => row[name])));
    case 'table': {
      const cells = result.rows.map((row) => names.map((name) => (row[name] === null ? 'NULL' : String(row[name]))));
      const numeric = result.columns.map((column) => /INT|DECIMAL|DOUBLE|FLOAT|REAL/i.test(column.type));
      return `${formatTable(names, cells, numeric)}\n(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})\n`;
    }
  }
}

export function registerQueryCommand(program: Command): void {
  program
    .command('query')
    .description("run SQL on the lake's views (DuckDB on a local copy, or Athena in the AWS deployment)")
    .argument('<sql>', 'a query, e.g. "select * from mart_city_indicator_monthly limit 10"')
    .addOption(new Option('--engine <engine>', 'query engine').choices(['duckdb', 'athena']).default('duckdb'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .option('--lake <dir>', 'lake folder or s3://bucket/prefix', DEFAULT_LAKE)
    .addOption(new Option('--athena-workgroup <name>', 'Athena workgroup of the deployment (--engine athena)').env('IPSTATS_ATHENA_WORKGROUP'))
    .addOption(new Option('--athena-database <name>', 'Glue database of the lake (--engine athena)').env('IPSTATS_ATHENA_DATABASE'))
    .addOption(new Option('--region <region>', 'AWS region of the deployment (--engine athena)').env('AWS_REGION'))
    .action(async (sql: string, options: { engine: string; format: OutputFormat; lake: string } & AthenaCliOptions) => {
      if (options.engine === 'athena') {
        process.stdout.write(formatQueryResult(await queryOnAthena(sql, options), options.format));
        return;
      }
      const lake = openObjectStore(options.lake);
      await requireIngestedLake(lake);
      const cacheDir = await makeWorkFolder('query');
      const engine = await openLakeEngine(lake, cacheDir);
      try {
        process.stdout.write(formatQueryResult(await engine.query(sql), options.format));
      } finally {
        await engine.close();
        await removeWorkFolder(cacheDir);
      }
    });
}

/** Ctrl-C stops the query in Athena too (StopQueryExecution), rather than leaving it to run and bill. */
async function queryOnAthena(sql: string, options: AthenaCliOptions): Promise<QueryResult> {
  const engine = athenaEngineForCli(options);
  const controller = new AbortController();
  const interrupt = (): void => controller.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  try {
    return await engine.query(sql, {}, { signal: controller.signal });
  } finally {
    process.off('SIGINT', interrupt);
    await engine.close();
  }
}
