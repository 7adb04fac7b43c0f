/**
 * The rules every view file follows so that Athena (Trino) and DuckDB run it identically
 * (../docs/counting-rules.md, STYLE habit 3): one SELECT, a header stating the grain,
 * import CTEs → logic CTEs → `select * from final`, only functions both engines share.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrinoSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';

const SQL_DIR = fileURLToPath(new URL('../../../sql/', import.meta.url));
const VIEW_FILES = ['staging', 'intermediate', 'marts'].flatMap((layer) =>
  readdirSync(join(SQL_DIR, layer))
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ layer, name: file.slice(0, -4), text: readFileSync(join(SQL_DIR, layer, file), 'utf8') })),
);

/**
 * Functions the views may call: each is in Trino's function list and behaves the same in
 * DuckDB once its result is cast (date_trunc returns TIMESTAMP in DuckDB, sum of integers HUGEINT).
 */
const PORTABLE_FUNCTIONS = [
  'cast', 'coalesce', 'count', 'date_trunc', 'lower', 'max', 'min', 'replace', 'row_number', 'sum', 'year',
  // int_patent_pledge_shares: string length, split into an array, unnest it, and mod of positive BIGINTs agree on both engines.
  'length', 'split', 'unnest', 'mod',
];
/** Words followed by `(` that are syntax, not functions. */
const SYNTAX_WORDS = ['as', 'in', 'over', 'decimal', 'from', 'and', 'or', 'not', 'exists', 'on', 'using', 'when', 'then', 'else', 'filter', 'partition', 'by', 'select', 'union', 'all'];

const withoutComments = (text: string): string => text.replace(/--[^\n]*/g, '');
const withoutStrings = (text: string): string => text.replace(/'(?:[^']|'')*'/g, "''");

describe('SQL view files', () => {
  it('cover the three layers', () => {
    expect(VIEW_FILES.filter((v) => v.layer === 'marts').map((v) => v.name)).toEqual([
      'mart_city_dataset_rows_monthly',
      'mart_city_gi_output_monthly',
      'mart_city_indicator_monthly',
      'mart_city_invention_patents_in_force',
      'mart_city_patent_intensive_annual',
      'mart_city_patent_intensive_classes',
      'mart_city_transfer_flows_monthly',
      'mart_dataset_coverage',
      'mart_industry_patent_intensity',
      'mart_source_file_months',
    ]);
    expect(VIEW_FILES.filter((v) => v.layer === 'staging')).toHaveLength(15);
  });

  describe.each(VIEW_FILES)('$layer/$name.sql', ({ layer, name, text }) => {
    const code = withoutStrings(withoutComments(text));

    it('is named for its layer and opens with a header naming the view and its grain', () => {
      expect(name).toMatch({ staging: /^stg_/, intermediate: /^int_/, marts: /^mart_/ }[layer] as RegExp);
      expect(text.startsWith(`-- ${name}: `)).toBe(true);
      expect(text).toMatch(/^-- (Grain|.*\bGrain): one row per /m);
    });

    it('is one SELECT query with no DDL, ending in select * from final', () => {
      expect(code).not.toMatch(/\b(create|insert|drop|alter)\b/i);
      expect(code).not.toContain(';');
      expect(code.trim()).toMatch(/^with\b/i);
      expect(code.trim()).toMatch(/\bselect \* from final$/);
    });

    it('avoids DuckDB-only syntax', () => {
      expect(code).not.toContain('::');
      expect(code).not.toMatch(/\bgroup by all\b|\bqualify\b|\bilike\b|\bexclude\b|\bpositional\b/i);
    });

    it('calls only portable functions', () => {
      // A name right after `as` is an alias with its column list (`unnest(…) as t (x)`), not a call.
      const called = [...code.toLowerCase().matchAll(/(?<!\bas\s+)\b([a-z_][a-z0-9_]*)\s*\(/g)].map((m) => m[1] as string);
      const unknown = [...new Set(called)].filter((fn) => !PORTABLE_FUNCTIONS.includes(fn) && !SYNTAX_WORDS.includes(fn));
      expect(unknown).toEqual([]);
    });

    it('casts date_trunc to DATE and sums to an explicit type', () => {
      const lower = code.toLowerCase().replace(/\s+/g, ' ');
      expect(lower.split('date_trunc(').length - 1).toBe(lower.split('cast(date_trunc(').length - 1);
      expect(lower.split('sum(').length - 1).toBe(lower.split('cast(sum(').length - 1);
    });

    it('parses with the Trino grammar', () => {
      expect(new TrinoSQL().validate(text)).toEqual([]);
    });
  });
});
