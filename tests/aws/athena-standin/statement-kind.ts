/**
 * What a (Trino-valid) statement is, in Athena's QueryExecution terms (StatementType DDL / DML /
 * UTILITY and SubstatementType), and whether the stand-in runs it. It runs what the project sends
 * Athena: queries (SELECT / WITH / VALUES) and CREATE [OR REPLACE] VIEW / DROP VIEW. Everything
 * else Athena would run (CTAS, INSERT, SHOW, MSCK …) fails with NOT_SUPPORTED naming the stand-in,
 * so a test never passes on a statement that was silently skipped.
 */
import { significantTokens, tokenizeSql, type SqlToken } from '../../../etl/engines/sql-lexer.ts';

export type StatementKind =
  | { readonly run: 'query'; readonly statementType: 'DML'; readonly substatementType: 'SELECT' }
  | { readonly run: 'ddl'; readonly statementType: 'DDL'; readonly substatementType: 'CREATE_VIEW' | 'DROP_VIEW'; readonly objectName: readonly string[] }
  | { readonly run: 'unsupported'; readonly statementType: 'DDL' | 'DML' | 'UTILITY'; readonly substatementType: string };

const QUERY_STARTS = new Set(['select', 'with', 'values', 'table', '(']);
const UTILITY_STARTS = new Set(['show', 'describe', 'use', 'prepare', 'execute', 'deallocate']);
const DML_STARTS = new Set(['insert', 'update', 'delete', 'merge', 'unload', 'explain', 'vacuum', 'optimize']);

export function statementKind(sql: string): StatementKind {
  const tokens = significantTokens(tokenizeSql(sql));
  const words = tokens.map((token) => token.text.toLowerCase());
  const first = words[0] ?? '';
  if (QUERY_STARTS.has(first)) return { run: 'query', statementType: 'DML', substatementType: 'SELECT' };
  const orReplace = words[1] === 'or' && words[2] === 'replace' ? 2 : 0;
  if (first === 'create' && words[1 + orReplace] === 'view') {
    return { run: 'ddl', statementType: 'DDL', substatementType: 'CREATE_VIEW', objectName: qualifiedName(tokens, 2 + orReplace) };
  }
  if (first === 'drop' && words[1] === 'view') {
    const ifExists = words[2] === 'if' && words[3] === 'exists' ? 2 : 0;
    return { run: 'ddl', statementType: 'DDL', substatementType: 'DROP_VIEW', objectName: qualifiedName(tokens, 2 + ifExists) };
  }
  const substatementType = words.slice(0, 2).join('_').toUpperCase();
  if (UTILITY_STARTS.has(first)) return { run: 'unsupported', statementType: 'UTILITY', substatementType };
  return { run: 'unsupported', statementType: DML_STARTS.has(first) ? 'DML' : 'DDL', substatementType };
}

/** `a.b.c` from the tokens at `start`: each part unquoted, lower-cased as Trino folds unquoted names. */
function qualifiedName(tokens: readonly SqlToken[], start: number): string[] {
  const parts: string[] = [];
  for (let index = start; index < tokens.length; index += 2) {
    const token = tokens[index] as SqlToken;
    parts.push(token.kind === 'quoted-identifier' ? token.text.slice(1, -1).replaceAll('""', '"') : token.text.toLowerCase());
    if (tokens[index + 1]?.text !== '.') break;
  }
  return parts;
}
