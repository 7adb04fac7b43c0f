/**
 * The syntax of a coverage declaration (issue 9, "declared coverage"): the months a delivery
 * covers, `FROM..TO` with months `YYYY-MM` (`2019-01..2025-03`, both months included,
 * FROM ≤ TO), or `FROM..` — no last month yet — where an open range is allowed (the city
 * configuration). Where a declaration may be made at all is declarable-dataset.ts.
 */
import { CoverageDeclarationError } from './coverage-declaration-error.ts';

/** Both months 'YYYY-MM', first ≤ last. */
export interface MonthRange {
  readonly first: string;
  readonly last: string;
}

/** A range whose last month may be open (null). */
export interface OpenMonthRange {
  readonly first: string;
  readonly last: string | null;
}

export const MONTH_RANGE_EXAMPLE = '2019-01..2025-03';

const MONTH = '(\\d{4}-(?:0[1-9]|1[0-2]))';
const CLOSED_RANGE = new RegExp(`^${MONTH}\\.\\.${MONTH}$`);
const OPEN_RANGE = new RegExp(`^${MONTH}\\.\\.${MONTH}?$`);

export type MonthRangeReading =
  | { readonly ok: true; readonly range: OpenMonthRange }
  /** `syntax`: not FROM..TO at all; `order`: FROM is after TO. `problem` completes "'<text>' …" / "'<text>': …". */
  | { readonly ok: false; readonly kind: 'syntax' | 'order'; readonly problem: string };

/** Reads `text` as a month range; `openEnded` also accepts `FROM..`. Never throws. */
export function readMonthRange(text: string, options: { readonly openEnded: boolean }): MonthRangeReading {
  const match = (options.openEnded ? OPEN_RANGE : CLOSED_RANGE).exec(text);
  if (match === null) {
    const form = options.openEnded ? `FROM..TO or FROM.. such as ${MONTH_RANGE_EXAMPLE} or 2019-01..` : `FROM..TO such as ${MONTH_RANGE_EXAMPLE}`;
    return { ok: false, kind: 'syntax', problem: `is not a month range ${form}` };
  }
  const first = match[1]!;
  const last = match[2] ?? null;
  // 'YYYY-MM' strings order like the months they name.
  if (last !== null && first > last) return { ok: false, kind: 'order', problem: 'FROM is after TO' };
  return { ok: true, range: { first, last } };
}

/** "<label> '<text>' is not a month range …" or "<label> '<text>': FROM is after TO", for one-line messages. */
export function describeRangeProblem(label: string, text: string, reading: Extract<MonthRangeReading, { ok: false }>): string {
  return reading.kind === 'syntax' ? `${label} '${text}' ${reading.problem}` : `${label} '${text}': ${reading.problem}`;
}

/**
 * A closed range, or a CoverageDeclarationError naming `label` (where the text came from, e.g.
 * `--covers`), the text and the expected form.
 */
export function parseMonthRange(text: string, label: string): MonthRange {
  const reading = readMonthRange(text, { openEnded: false });
  if (!reading.ok) throw new CoverageDeclarationError(describeRangeProblem(label, text, reading));
  return { first: reading.range.first, last: reading.range.last! };
}

/** `2019-01..2025-03`, or `2019-01..` for an open range. */
export function formatMonthRange(range: OpenMonthRange): string {
  return `${range.first}..${range.last ?? ''}`;
}
