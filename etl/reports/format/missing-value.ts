/** What a report prints for a figure that cannot be computed (null in report.json): never 0. */
export const MISSING_VALUE = '—';
