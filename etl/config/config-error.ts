/**
 * A configuration file that cannot be used: the city configuration, or a coverage.json beside
 * source files. The message names the file, the JSON path and the bad value of every problem,
 * one per line; the CLI maps this error to exit status 2.
 */

export interface ConfigIssue {
  /** JSON path of the bad value, e.g. `$.cities[0].targets.pledge_amount_cny.value`. */
  readonly path: string;
  readonly problem: string;
  /** The value found there; absent when there is none (a missing key, an unreadable file). */
  readonly value?: unknown;
}

export class ConfigError extends Error {
  constructor(
    readonly sourceName: string,
    readonly issues: readonly ConfigIssue[],
    options?: ErrorOptions,
  ) {
    super(issues.map((issue) => formatIssue(sourceName, issue)).join('\n'), options);
    this.name = 'ConfigError';
  }
}

function formatIssue(sourceName: string, issue: ConfigIssue): string {
  const got = 'value' in issue ? ` (got ${describeValue(issue.value)})` : '';
  return `${sourceName}: ${issue.path}: ${issue.problem}${got}`;
}

const MAX_SHOWN = 60;

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** ['cities', 0, 'code'] → `$.cities[0].code`. */
export function jsonPathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${text}.${name}` : `${text}[${JSON.stringify(name)}]`;
  }, '$');
}
