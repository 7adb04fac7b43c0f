/**
 * What a value parser returns instead of a value: the stable rule code and a message saying
 * what was expected. Returned, not thrown: rejecting a row is the normal path, and throwing
 * costs a stack trace per bad value.
 */
export class ParseFailure {
  constructor(
    readonly rule: string,
    readonly message: string,
  ) {}
}

/** Quotes a raw value for a message. */
export function quote(value: string): string {
  return JSON.stringify(value);
}
