/**
 * The JSON log lines of an invocation (the functions log with Powertools in Lambda's JSON log
 * format: one object a line, a constant `message` and fields). Other lines (Node's warnings)
 * are left out.
 */
export interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly [field: string]: unknown;
}

export function structuredLogLines(lines: readonly string[]): LogLine[] {
  const parsed: LogLine[] = [];
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    try {
      const value = JSON.parse(line) as Partial<LogLine>;
      if (typeof value.level === 'string' && typeof value.message === 'string') parsed.push(value as LogLine);
    } catch {
      // Not a log object: a multi-line message or a stray write.
    }
  }
  return parsed;
}
