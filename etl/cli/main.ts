/**
 * `ipstats` command line (docs/report-contract.md). Each command lives in etl/cli/commands/; this
 * file only wires them and maps errors to the contract's exit statuses.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/city-config.ts';
import { CoverageDeclarationError } from '../coverage/coverage-declaration-error.ts';
import { LakeRecordError } from '../lake/lake-record.ts';
import { removeLeftoverWorkFolders } from '../work-folders/leftover-work-folders.ts';
import { removeWorkFoldersOnExit, SIGNAL_STATUS } from '../work-folders/work-folders.ts';
import { EXIT, StrictRejectsError, UsageError } from './cli-errors.ts';
import { createLogger } from './logger.ts';
import { loggerFor } from './options.ts';

type Register = (program: Command) => void;

/**
 * Commands load on demand: the report renderers (ECharts, exceljs), DuckDB and the AWS SDK
 * together take about a second to import, which `ingest`, `sample` or `--help` never need.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  run: async () => (await import('./commands/run-command.ts')).registerRunCommand,
  ingest: async () => (await import('./commands/ingest-command.ts')).registerIngestCommand,
  report: async () => (await import('./commands/report-command.ts')).registerReportCommand,
  query: async () => (await import('./commands/query-command.ts')).registerQueryCommand,
  sample: async () => (await import('./commands/sample-command.ts')).registerSampleCommand,
  classify: async () => (await import('./commands/classify-command.ts')).registerClassifyCommand,
  doctor: async () => (await import('./commands/doctor-command.ts')).registerDoctorCommand,
};

/** The program with the commands `argv` can reach: the named command only, or all of them (help, mistakes). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('ipstats')
    .description('Statistics of a city IP operation service system: sources → Parquet lake → SQL views → monthly reports')
    .option('--log-format <format>', 'text (people) or json (structured logs)', 'text')
    .showHelpAfterError()
    .exitOverride();
  const named = argv.find((arg) => Object.hasOwn(COMMANDS, arg) && !argv.includes('help'));
  const wanted = named === undefined ? Object.keys(COMMANDS) : [named];
  for (const name of wanted) (await COMMANDS[name]!())(program);
  // Before any command: temporary folders a killed run left (they hold rejected rows with names).
  program.hook('preAction', async () => {
    const logger = loggerFor(program.opts());
    for (const { folder, pid, ageMinutes } of await removeLeftoverWorkFolders()) {
      logger.warn('removed a temporary folder left by an earlier run', { folder, pid, age_minutes: ageMinutes });
    }
  });
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  // The AWS SDK's notice that its releases after January 2027 need Node 22 would land in the middle of
  // a command's output on Node 20; the SDK is pinned, and the notice is in the README instead.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const program = await buildProgram(argv);
  // Interrupted (Ctrl-C, SIGTERM) or ending early: this run's temporary folders go too, and the operator is told.
  removeWorkFoldersOnExit((folders, signal) => sayFoldersRemoved(folders, signal, program.opts()['logFormat']));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    const status = exitStatusOf(error);
    if (status !== EXIT.ok && !(error instanceof CommanderError)) reportError(error, status, program.opts()['logFormat']);
    return status;
  }
}

function exitStatusOf(error: unknown): number {
  // Help and version requests exit 0; everything else commander rejects is bad usage.
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof CoverageDeclarationError || error instanceof LakeRecordError) return EXIT.usage;
  if (error instanceof StrictRejectsError) return EXIT.strictRejects;
  return EXIT.failed;
}

function sayFoldersRemoved(folders: readonly string[], signal: NodeJS.Signals | null, logFormat: unknown): void {
  if (logFormat === 'json') {
    const logger = createLogger({ format: 'json' });
    for (const folder of folders) logger.warn('removed a temporary folder of this run', { folder, signal });
  } else {
    for (const folder of folders) process.stderr.write(`ipstats: removed the temporary folder ${folder} of this run\n`);
  }
  if (signal !== null) reportError(new Error(`interrupted by ${signal}`), SIGNAL_STATUS[signal as keyof typeof SIGNAL_STATUS], logFormat);
}

/** Says why the command stopped: a text line, or one JSON line when logs are structured (log collectors parse every line). */
function reportError(error: unknown, status: number, logFormat: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
  if (logFormat === 'json') {
    const line = { time: new Date().toISOString(), level: 'error', message: 'stopped', exit_status: status, error: message, ...(cause === null ? {} : { cause }) };
    process.stderr.write(`${JSON.stringify(line)}\n`);
    return;
  }
  process.stderr.write(status === EXIT.failed ? `ipstats: failed: ${message}\n` : `ipstats: ${message}\n`);
  if (status === EXIT.failed && cause !== null) process.stderr.write(`  cause: ${cause}\n`);
}
