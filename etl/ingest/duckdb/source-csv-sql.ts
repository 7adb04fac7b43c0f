/**
 * The read_csv table expression of the ingestion query (checked-rows-sql.ts): every field as text,
 * the dialect as sniffed (guess-csv-dialect.ts), one column more than the header has and
 * `null_padding`, and a `nullstr` no field can hold, so that a field is NULL only when the record
 * lacks it (too few fields) and the extra column is non-NULL only when it has too many. The reader
 * runs on one thread (`parallel = false`: null padding needs it when quoted fields hold line breaks,
 * and it keeps `row_number()` in record order); the checks after it run on every thread.
 */
import { sqlStringLiteral } from '../../engines/sql-literals.ts';
import type { CsvDialect } from '../../sources/read-csv.ts';

/** No field of a text file equals this (it would need these control characters, spelled out). */
export const ABSENT_FIELD = '\u0001\u0002ipstats: no such field\u0003';

/** DuckDB spells the line break option with backslash escapes. */
const NEW_LINE_OPTION: Readonly<Record<CsvDialect['newline'], string>> = { '\n': '\\n', '\r\n': '\\r\\n', '\r': '\\r' };

export function sourceCsvSql(filePath: string, dialect: CsvDialect, fieldCount: number): string {
  const columns = Array.from({ length: fieldCount + 1 }, (_, index) => `'c${index}': 'VARCHAR'`).join(', ');
  return [
    `read_csv(${sqlStringLiteral(filePath)}`,
    'header = true, auto_detect = false',
    `delim = ${sqlStringLiteral(dialect.delimiter)}, quote = '"', escape = '"'`,
    `new_line = ${sqlStringLiteral(NEW_LINE_OPTION[dialect.newline])}`,
    // Not strict_mode = true: with null_padding it reads no record at all of a CRLF file (DuckDB 1.5).
    'null_padding = true, parallel = false',
    `nullstr = ${sqlStringLiteral(ABSENT_FIELD)}, allow_quoted_nulls = false`,
    `columns = {${columns}})`,
  ].join(', ');
}
