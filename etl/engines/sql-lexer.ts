/**
 * A small SQL lexer shared by the engines (named-parameter rewriting) and the portability
 * checks. It only needs to know where string literals, quoted identifiers and comments start
 * and end, so that a `:name` or a keyword inside them is never mistaken for code. It accepts
 * the union of Trino and DuckDB lexical syntax and never throws: an unterminated literal or
 * comment runs to the end of the text and is marked `unterminated`.
 */

export type SqlTokenKind =
  | 'whitespace'
  | 'line-comment'
  | 'block-comment'
  | 'string'
  | 'quoted-identifier'
  | 'parameter'
  | 'word'
  | 'number'
  | 'operator';

export interface SqlToken {
  readonly kind: SqlTokenKind;
  readonly text: string;
  /** Offset of the first character in the SQL text. */
  readonly offset: number;
  /** Set on a string, quoted identifier or block comment that reaches the end of the text. */
  readonly unterminated?: boolean;
}

// Longest first: `::` must win over `:` so that a DuckDB cast is never read as a parameter.
const MULTI_CHAR_OPERATORS = ['::', '||', '<=', '>=', '<>', '!=', '->', '=>', '//', '**', '=='];

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let offset = 0;
  while (offset < sql.length) {
    const token = readToken(sql, offset);
    tokens.push(token);
    offset += token.text.length;
  }
  return tokens;
}

/** The tokens that carry meaning: no whitespace, no comments. */
export function significantTokens(tokens: readonly SqlToken[]): SqlToken[] {
  return tokens.filter((t) => t.kind !== 'whitespace' && t.kind !== 'line-comment' && t.kind !== 'block-comment');
}

function readToken(sql: string, offset: number): SqlToken {
  const char = sql[offset] ?? '';
  const next = sql[offset + 1] ?? '';
  if (/\s/.test(char)) return { kind: 'whitespace', text: matchWhile(sql, offset, (c) => /\s/.test(c)), offset };
  if (char === '-' && next === '-') {
    const end = sql.indexOf('\n', offset);
    return { kind: 'line-comment', text: sql.slice(offset, end === -1 ? sql.length : end), offset };
  }
  if (char === '/' && next === '*') {
    const end = sql.indexOf('*/', offset + 2);
    if (end === -1) return { kind: 'block-comment', text: sql.slice(offset), offset, unterminated: true };
    return { kind: 'block-comment', text: sql.slice(offset, end + 2), offset };
  }
  if (char === "'") return readQuoted(sql, offset, "'", 'string');
  if (char === '"') return readQuoted(sql, offset, '"', 'quoted-identifier');
  if (char === ':' && next !== ':' && WORD_START.test(next) && sql[offset - 1] !== ':') {
    return { kind: 'parameter', text: ':' + matchWhile(sql, offset + 1, (c) => WORD_PART.test(c)), offset };
  }
  if (WORD_START.test(char)) return { kind: 'word', text: matchWhile(sql, offset, (c) => WORD_PART.test(c)), offset };
  if (DIGIT.test(char) || (char === '.' && DIGIT.test(next))) {
    return { kind: 'number', text: matchWhile(sql, offset, (c) => /[0-9.eE]/.test(c)), offset };
  }
  const operator = MULTI_CHAR_OPERATORS.find((op) => sql.startsWith(op, offset));
  return { kind: 'operator', text: operator ?? char, offset };
}

/** A quoted run where the quote character is escaped by doubling it (SQL standard). */
function readQuoted(sql: string, offset: number, quote: string, kind: 'string' | 'quoted-identifier'): SqlToken {
  let position = offset + 1;
  while (position < sql.length) {
    if (sql[position] === quote) {
      if (sql[position + 1] === quote) {
        position += 2;
        continue;
      }
      return { kind, text: sql.slice(offset, position + 1), offset };
    }
    position += 1;
  }
  return { kind, text: sql.slice(offset), offset, unterminated: true };
}

function matchWhile(sql: string, offset: number, accept: (char: string) => boolean): string {
  let end = offset;
  while (end < sql.length && accept(sql[end] ?? '')) end += 1;
  return sql.slice(offset, end);
}

/** 1-based line and column of an offset, for messages. */
export function lineAndColumn(sql: string, offset: number): { readonly line: number; readonly column: number } {
  const before = sql.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}
