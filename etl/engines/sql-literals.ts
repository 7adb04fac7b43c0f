/**
 * Safe spelling of names and strings inside generated SQL (DDL cannot take parameters).
 * Both follow the SQL standard, which DuckDB and Trino share.
 */

/** `'it''s'`: a string literal with every single quote doubled. */
export function sqlStringLiteral(value: string): string {
  if (value.includes('\0')) throw new RangeError(`a SQL string cannot contain a NUL character: ${JSON.stringify(value)}`);
  return `'${value.replaceAll("'", "''")}'`;
}

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A table, view or column name as written in generated SQL. Only plain lower-case snake_case
 * names are accepted (every lake and view name is one), so no quoting is ever needed and the
 * same name works unquoted in Trino, where quoted identifiers are case-sensitive.
 */
export function sqlIdentifier(name: string): string {
  if (!PLAIN_IDENTIFIER.test(name)) {
    throw new RangeError(`not a plain SQL name: ${JSON.stringify(name)}; expected lower-case snake_case like "patent_events"`);
  }
  return name;
}
