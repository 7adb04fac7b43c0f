/** Lambda events are parsed at the boundary with zod; a bad event's error says what was wrong, never its values. */
import { z } from 'zod';

export class InvalidEventError extends Error {
  constructor(functionName: string, expected: string, cause: z.ZodError) {
    super(`the ${functionName} function got an event it does not understand: ${z.prettifyError(cause).replace(/\n\s*→/g, ' →').replaceAll('\n', '; ')}; expected ${expected}`, { cause });
    this.name = 'InvalidEventError';
  }
}

/** Parses at the boundary; the error lists what was wrong, never the event's values. */
export function parseEvent<S extends z.ZodType>(schema: S, event: unknown, functionName: string, expected: string): z.infer<S> {
  const result = schema.safeParse(event);
  if (!result.success) throw new InvalidEventError(functionName, expected, result.error);
  return result.data;
}
