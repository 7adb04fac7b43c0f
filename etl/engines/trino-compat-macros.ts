/**
 * DuckDB macros that supply Trino functions DuckDB lacks, so a view may call them and still run
 * locally. Only functions whose Trino meaning a one-line DuckDB expression reproduces exactly
 * belong here; each is tested against the value Trino documents. A function that exists on both
 * engines with a different meaning cannot be fixed by a macro and is refused by the portability
 * check instead (see sql-portability.ts).
 */
export interface CompatMacro {
  readonly name: string;
  readonly parameters: readonly string[];
  /** DuckDB expression over the parameters. */
  readonly body: string;
  /** What the Trino function does, for docs and review. */
  readonly trinoMeaning: string;
}

export const TRINO_COMPAT_MACROS: readonly CompatMacro[] = [
  {
    name: 'regexp_like',
    parameters: ['string', 'pattern'],
    body: 'regexp_matches(string, pattern)',
    trinoMeaning: 'true when the pattern matches anywhere in the string',
  },
  {
    name: 'day_of_week',
    parameters: ['d'],
    body: 'CAST(isodow(d) AS BIGINT)',
    trinoMeaning: 'ISO day of the week, Monday = 1 … Sunday = 7, as BIGINT',
  },
  {
    name: 'last_day_of_month',
    parameters: ['d'],
    body: 'CAST(last_day(d) AS DATE)',
    trinoMeaning: 'the last day of the month of the date, as DATE',
  },
];

/** One statement that (re)creates every macro; idempotent. */
export function compatMacrosSql(macros: readonly CompatMacro[] = TRINO_COMPAT_MACROS): string {
  return macros.map((m) => `CREATE OR REPLACE MACRO ${m.name}(${m.parameters.join(', ')}) AS ${m.body};`).join('\n');
}
