/**
 * What the CLI says while it works. Text for people on a terminal (with progress lines that
 * overwrite themselves), nothing but results when not on a terminal, and structured JSON
 * lines with `--log-format json`. Messages are constant strings; details go in fields, and no
 * field ever carries the contents of a data row (names of individuals are personal data).
 */
export type LogFormat = 'text' | 'json';
export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  /** A transient progress line: shown on a terminal only. */
  progress(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  readonly format: LogFormat;
  readonly stream?: NodeJS.WriteStream;
}

export function createLogger({ format, stream = process.stderr }: LoggerOptions): Logger {
  if (format === 'json') {
    const write = (level: string, message: string, fields?: LogFields) =>
      stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
    return {
      info: (message, fields) => write('info', message, fields),
      warn: (message, fields) => write('warn', message, fields),
      progress: () => undefined,
    };
  }
  const interactive = Boolean(stream.isTTY) && !process.env['CI'];
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) stream.write('\r\x1b[K');
    progressShown = false;
  };
  const text = (message: string, fields?: LogFields) =>
    fields && Object.keys(fields).length > 0
      ? `${message} ${Object.entries(fields)
          .map(([key, value]) => `${key}=${value}`)
          .join(' ')}`
      : message;
  return {
    info: (message, fields) => {
      if (!interactive) return;
      clearProgress();
      stream.write(`${text(message, fields)}\n`);
    },
    warn: (message, fields) => {
      clearProgress();
      stream.write(`warning: ${text(message, fields)}\n`);
    },
    progress: (message, fields) => {
      if (!interactive) return;
      stream.write(`\r\x1b[K${text(message, fields)}`);
      progressShown = true;
    },
  };
}
