/**
 * The logging the etl/aws functions need: a constant message plus fields (never row contents).
 * Powertools' Logger satisfies it in the Lambda; tests pass a recorder.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface RuntimeLogger {
  info(message: string, fields: LogFields): void;
  warn(message: string, fields: LogFields): void;
  error(message: string, fields: LogFields): void;
}
