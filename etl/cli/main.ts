/**
 * `ipstats` command line (REPORT-CONTRACT.md). Each command lives in etl/cli/commands/; this
 * file only wires them and maps errors to the contract's exit statuses.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/city-config.ts';
import { EXIT, StrictRejectsError, UsageError } from './cli-errors.ts';
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
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return exitStatusOf(error);
  }
}

function exitStatusOf(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version requests exit 0; everything else commander rejects is bad usage.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`ipstats: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof StrictRejectsError) {
    process.stderr.write(`ipstats: ${error.message}\n`);
    return EXIT.strictRejects;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`ipstats: failed: ${message}\n`);
  if (error instanceof Error && error.cause instanceof Error) process.stderr.write(`  cause: ${error.cause.message}\n`);
  return EXIT.failed;
}
