/**
 * The hot-path twin of StagingCsvWriter.write: formats one validated row as a staging CSV line
 * (same format, see staging-csv.ts), but appends the line's pieces to an array instead of
 * concatenating them. Joining a flat array once per batch avoids one cons-string per piece,
 * which made the garbage collector the largest cost of ingestion. Of the lineage columns only
 * `_source_row` is written, from an argument (the validated row is never grown): the file's
 * SHA-256 and ingest_seq are the same on every line, so the Parquet writer adds them as
 * constants (parquet-writer.ts) instead of 70 bytes a line being written and parsed again.
 *
 * The code is generated per column list so every `row.column` read is a named, monomorphic
 * property load: validated rows of one dataset all share one hidden class.
 */
import { LINEAGE_COLUMNS, type CuratedColumn, type NormalisedRow, type SqlType } from '../schemas/dataset-spec.ts';
import { formatScaled } from './staging-csv.ts';

/** Appends the pieces of one line, newline included, to `out`. */
export type StagingLineFormatter = (row: NormalisedRow, sourceRow: number, out: string[]) => void;

/** Quotes a string for the staging CSV: only a double quote needs escaping. */
export function escapeQuotes(text: string): string {
  return text.indexOf('"') === -1 ? text : text.replaceAll('"', '""');
}

/** How a present value is written (`v` is the value); VARCHAR values are quoted. */
function valueExpression(sqlType: SqlType): string {
  switch (sqlType) {
    case 'VARCHAR':
      return `escapeQuotes(typeof v === 'string' ? v : String(v))`;
    case 'BOOLEAN':
      return `(v ? 'true' : 'false')`;
    case 'INTEGER':
    case 'BIGINT':
    case 'DATE':
      return 'String(v)';
    case 'DECIMAL(18,2)':
      return 'formatScaled(v, 2)';
    case 'DECIMAL(18,4)':
      return 'formatScaled(v, 4)';
  }
}

/** The columns a partitioned staging CSV holds: the data columns, then `_source_row`. */
export function stagingCsvColumns(columns: readonly CuratedColumn[]): CuratedColumn[] {
  return columns.filter((column) => column.name !== '_source_sha256' && column.name !== '_ingest_seq');
}

export function compileStagingLineFormatter(columns: readonly CuratedColumn[]): StagingLineFormatter {
  const dataColumns = columns.slice(0, columns.length - LINEAGE_COLUMNS.length);
  const lineageNames = columns.slice(dataColumns.length).map((column) => column.name);
  if (lineageNames.join() !== LINEAGE_COLUMNS.map((column) => column.name).join()) {
    throw new Error(`staging columns must end with the lineage columns ${LINEAGE_COLUMNS.map((column) => column.name).join(', ')}, got ${lineageNames.join(', ')}`);
  }
  // A quoted value's closing quote travels with the next separator (`",`), so a row is about
  // one piece per column; `q` says whether the previous value left a quote to close.
  const statements = dataColumns.map((column, index) => {
    const quoted = column.sqlType === 'VARCHAR';
    const separator = index === 0 ? '' : ',';
    const lead = (open: string) => `(q ? ${JSON.stringify(`"${separator}${open}`)} : ${JSON.stringify(separator + open)})`;
    const present = `out.push(${lead(quoted ? '"' : '')}, ${valueExpression(column.sqlType)}); q = ${quoted};`;
    const absent = index === 0 ? 'q = false;' : `out.push(${lead('')}); q = false;`;
    return `v = row[${JSON.stringify(column.name)}];\nif (v !== null && v !== undefined) { ${present} } else { ${absent} }`;
  });
  const separator = dataColumns.length === 0 ? '' : ',';
  const body = `return (row, sourceRow, out) => {\nlet v;\nlet q = false;\n${statements.join('\n')}\nout.push(${`(q ? ${JSON.stringify(`"${separator}`)} : ${JSON.stringify(separator)})`}, String(sourceRow), '\\n');\n};`;
  return new Function('escapeQuotes', 'formatScaled', body)(escapeQuotes, formatScaled) as StagingLineFormatter;
}
