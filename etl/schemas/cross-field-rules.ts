/**
 * Rules between fields of one row. They run even when other fields failed (so a row gets every
 * reason at once), and a rule whose own inputs did not parse stays silent: the field already
 * carries its reason.
 */
import { patentTypeOfApplicationNo } from './parse/patent-application-no.ts';

export interface CrossFieldRule {
  /** Stable rule code (docs/data-contract.md). */
  readonly rule: string;
  /** The column the reason is reported on; null for the row as a whole. */
  readonly column: string | null;
  /** A message when the row breaks the rule, null when it holds or cannot be judged. */
  check(row: Readonly<Record<string, unknown>>): string | null;
}

function parsedString(row: Readonly<Record<string, unknown>>, column: string): string | null {
  const value = row[column];
  return typeof value === 'string' ? value : null;
}

/** `column` (a DATE) must not be before `earlierColumn` when both are present. */
export function dateNotBefore(column: string, earlierColumn: string, rule: string): CrossFieldRule {
  return {
    rule,
    column,
    check(row) {
      const later = parsedString(row, column);
      const earlier = parsedString(row, earlierColumn);
      // ISO dates compare correctly as strings.
      return later !== null && earlier !== null && later < earlier ? `${later} is before ${earlierColumn} (${earlier})` : null;
    },
  };
}

/** `column` may only be given when `conditionColumn` is `requiredValue`. */
export function onlyWhen(column: string, conditionColumn: string, requiredValue: string, rule: string): CrossFieldRule {
  return {
    rule,
    column,
    check(row) {
      const value = parsedString(row, column);
      const condition = parsedString(row, conditionColumn);
      return value !== null && condition !== null && condition !== requiredValue
        ? `${value} is only allowed when ${conditionColumn} is ${requiredValue}, not ${condition}`
        : null;
    },
  };
}

/** `typeColumn` must be the patent type encoded in the application number. */
export function patentTypeMatchesNumber(typeColumn: string, numberColumn: string): CrossFieldRule {
  return {
    rule: 'patent_type_mismatch',
    column: typeColumn,
    check(row) {
      const type = parsedString(row, typeColumn);
      const number = parsedString(row, numberColumn);
      if (type === null || number === null) return null;
      const encoded = patentTypeOfApplicationNo(number);
      return encoded !== undefined && encoded !== type ? `${type} disagrees with ${numberColumn} ${number}, whose type digit means ${encoded}` : null;
    },
  };
}

/**
 * At least one group of columns must be complete (every column non-null), e.g. the income
 * approach or the production approach of value added. Columns that failed to parse count as
 * given, so the row is not also blamed for missing them.
 */
export function oneGroupComplete(groups: ReadonlyArray<readonly string[]>, rule: string): CrossFieldRule {
  const describe = groups.map((group) => `all of ${group.join(', ')}`).join(' or ');
  return {
    rule,
    column: null,
    check(row) {
      const complete = groups.some((group) => group.every((column) => row[column] !== null && row[column] !== undefined));
      return complete ? null : `expected ${describe}`;
    },
  };
}
