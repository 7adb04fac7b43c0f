/** Parsing and checking of option values shared by several commands; bad values are UsageErrors naming the value. */
import { Option } from 'commander';
import { DATASET_NAMES, type DatasetName } from '../schemas/dataset-spec.ts';
import { UsageError } from './cli-errors.ts';
import { createLogger, type LogFormat, type Logger } from './logger.ts';

export function parseDatasetName(value: string): DatasetName {
  if ((DATASET_NAMES as readonly string[]).includes(value)) return value as DatasetName;
  throw new UsageError(`unknown dataset '${value}'; datasets are: ${DATASET_NAMES.join(', ')}`);
}

export function parsePeriodOption(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new UsageError(`--period '${value}' is not a month in the form YYYY-MM (for example 2025-06)`);
  }
  return value;
}

export function parseLogFormat(value: string): LogFormat {
  if (value === 'text' || value === 'json') return value;
  throw new UsageError(`--log-format '${value}' is not one of: text, json`);
}

export function loggerFor(globalOptions: { logFormat?: string }): Logger {
  return createLogger({ format: parseLogFormat(globalOptions.logFormat ?? 'text') });
}

export const strictOption = () => new Option('--strict', 'exit with status 3 when any row is rejected');

/** `--lock-timeout <seconds>`: how long a command waits for another ingestion's lock on a local lake; the value is milliseconds. */
export const lockTimeoutOption = () =>
  new Option('--lock-timeout <seconds>', 'how long to wait for another ingestion into the same local lake to finish (default 600)').argParser((value: string) => {
    const seconds = Number(value);
    if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw new UsageError(`--lock-timeout '${value}' is not a number of seconds ≥ 0`);
    return Math.round(seconds * 1000);
  });
