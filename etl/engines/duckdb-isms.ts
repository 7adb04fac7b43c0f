/**
 * Lexical checks for SQL that DuckDB runs but Trino (Athena) does not, or runs differently.
 * Some of these the Trino grammar rejects anyway; others it misreads (`... from t qualify rn = 1`
 * parses `qualify` as a table alias), so each is named here with the portable alternative.
 */
import { significantTokens, tokenizeSql, type SqlToken } from './sql-lexer.ts';

export interface LexicalFinding {
  readonly offset: number;
  readonly message: string;
}

const DUCKDB_ONLY_OPERATORS: Readonly<Record<string, string>> = {
  '::': '`::` casts are DuckDB/PostgreSQL syntax; write CAST(x AS type)',
  '//': '`//` integer division is DuckDB-only; write CAST(a / b AS BIGINT) or floor(a / b) on explicit types',
  '**': '`**` is DuckDB-only; write power(a, b)',
  '==': '`==` is DuckDB-only; write =',
  '{': 'struct literals `{…}` are DuckDB-only; write CAST(ROW(…) AS ROW(…))',
};

const DUCKDB_ONLY_KEYWORDS: Readonly<Record<string, string>> = {
  qualify: 'QUALIFY is DuckDB-only; filter the window result in an outer query',
  ilike: 'ILIKE is DuckDB-only; write lower(x) LIKE lower(pattern)',
  pivot: 'PIVOT is DuckDB-only; aggregate with CASE or FILTER (WHERE …)',
  unpivot: 'UNPIVOT is DuckDB-only; UNION ALL the columns',
};

const DUCKDB_ONLY_JOINS = new Set(['asof', 'positional', 'semi', 'anti']);

export function findDuckDbIsms(sql: string): LexicalFinding[] {
  const tokens = tokenizeSql(sql);
  const findings: LexicalFinding[] = [];
  for (const token of tokens) {
    if (token.unterminated) findings.push({ offset: token.offset, message: `unterminated ${token.kind}` });
  }
  const significant = significantTokens(tokens);
  significant.forEach((token, index) => {
    const word = token.kind === 'word' ? token.text.toLowerCase() : undefined;
    const next = significant[index + 1];
    const nextWord = next?.kind === 'word' ? next.text.toLowerCase() : undefined;
    const previous = significant[index - 1];
    const message = messageFor(token, word, nextWord, previous, significant[index - 2]);
    if (message !== undefined) findings.push({ offset: token.offset, message });
  });
  return findings;
}

function messageFor(
  token: SqlToken,
  word: string | undefined,
  nextWord: string | undefined,
  previous: SqlToken | undefined,
  beforePrevious: SqlToken | undefined,
): string | undefined {
  if (token.kind === 'operator') return DUCKDB_ONLY_OPERATORS[token.text];
  if (token.kind === 'quoted-identifier') {
    return `double quotes (${token.text}): DuckDB and Trino read them as a case-sensitive identifier, never a string; ` +
      `write strings in single quotes and names in plain snake_case`;
  }
  if (token.kind === 'parameter') return `${token.text}: a view takes no parameters; filter the view in the query that reads it`;
  if (word === undefined) return undefined;
  const keyword = DUCKDB_ONLY_KEYWORDS[word];
  if (keyword !== undefined) return keyword;
  if (DUCKDB_ONLY_JOINS.has(word) && nextWord === 'join') return `${word.toUpperCase()} JOIN is DuckDB-only`;
  const afterBy = previous?.text.toLowerCase() === 'by' ? beforePrevious?.text.toLowerCase() : undefined;
  if (word === 'all' && (afterBy === 'group' || afterBy === 'order')) {
    return `${afterBy.toUpperCase()} BY ALL is DuckDB-only; list the columns`;
  }
  if ((word === 'exclude' || word === 'replace') && previous?.text === '*') {
    return `SELECT * ${word.toUpperCase()} is DuckDB-only; list the columns`;
  }
  return undefined;
}
