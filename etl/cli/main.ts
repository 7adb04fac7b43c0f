/**
 * `ipstats` command line (REPORT-CONTRACT.md). Each command lives in etl/cli/commands/; this
 * file only wires them and maps errors to the contract's exit statuses.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/city-config.ts';
import { EXIT, StrictRejectsError, UsageError } from './cli-errors.ts';
import { registerClassifyCommand } from './commands/classify-command.ts';
import { registerIngestCommand } from './commands/ingest-command.ts';
import { registerQueryCommand } from './commands/query-command.ts';
import { registerReportCommand } from './commands/report-command.ts';
import { registerRunCommand } from './commands/run-command.ts';
import { registerSampleCommand } from './commands/sample-command.ts';

export function buildProgram(): Command {
  const program = new Command('ipstats')
    .description('Statistics of a city IP operation service system: sources → Parquet lake → SQL views → monthly reports')
    .option('--log-format <format>', 'text (people) or json (structured logs)', 'text')
    .showHelpAfterError()
    .exitOverride();
  registerRunCommand(program);
  registerIngestCommand(program);
  registerReportCommand(program);
  registerQueryCommand(program);
  registerSampleCommand(program);
  registerClassifyCommand(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
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
  if (error instanceof UsageError || error instanceof ConfigError) return EXIT.usage;
  if (error instanceof StrictRejectsError) return EXIT.strictRejects;
  return EXIT.failed;
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
