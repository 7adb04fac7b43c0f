/**
 * A string literal for a Step Functions intrinsic function argument. Inside one, the
 * characters ' { } and \ must be escaped with a backslash (they are syntax: quotes and
 * States.Format placeholders), so a JSON text must be escaped before it goes in.
 */
export function intrinsicStringLiteral(text: string): string {
  return `'${text.replace(/[\\'{}]/g, (character) => `\\${character}`)}'`;
}

/** `States.JsonMerge(<defaults>, $, false)`: the state input with defaults for absent fields. */
export function withDefaults(defaults: Readonly<Record<string, unknown>>): string {
  return `States.JsonMerge(States.StringToJson(${intrinsicStringLiteral(JSON.stringify(defaults))}), $, false)`;
}
