/**
 * Reads a finished Athena query's rows: GetQueryResults page by page (NextToken), the column
 * types from the first page's ResultSetMetadata, the header row of a SELECT skipped, every
 * value converted by athena-values.ts.
 */
import type { ColumnInfo as AthenaColumnInfo, GetQueryResultsCommandOutput } from '@aws-sdk/client-athena';
import { deduplicatedNames, typedColumn, type TypedColumn } from './athena-values.ts';
import { QueryError, type ColumnInfo, type Row } from './query-engine.ts';

export interface ResultPagesOptions {
  readonly queryId: string;
  readonly sql: string;
  /** A SELECT's first row holds the column names, not data. */
  readonly hasHeaderRow: boolean;
  readonly fetchPage: (nextToken: string | undefined) => Promise<Pick<GetQueryResultsCommandOutput, 'ResultSet' | 'NextToken'>>;
  readonly onColumns: (columns: readonly ColumnInfo[]) => void;
}

export async function* fetchResultPages(options: ResultPagesOptions): AsyncGenerator<Row[]> {
  const { queryId, sql } = options;
  let columns: TypedColumn[] | undefined;
  let nextToken: string | undefined;
  do {
    let page;
    try {
      page = await options.fetchPage(nextToken);
    } catch (error) {
      throw new QueryError(`Athena query ${queryId}: cannot read its results: ${(error as Error).message}`, queryId, sql, { cause: error });
    }
    const first = columns === undefined;
    if (columns === undefined) {
      columns = typedColumns(page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [], queryId, sql);
      options.onColumns(columns.map((column) => column.info));
    }
    const rows = page.ResultSet?.Rows ?? [];
    const dataRows = first && options.hasHeaderRow ? rows.slice(1) : rows;
    yield dataRows.map((row) => rowFrom(row.Data ?? [], columns as TypedColumn[], queryId, sql));
    nextToken = page.NextToken;
  } while (nextToken !== undefined && nextToken !== '');
}

function typedColumns(infos: readonly AthenaColumnInfo[], queryId: string, sql: string): TypedColumn[] {
  const names = deduplicatedNames(infos.map((info, index) => info.Name ?? info.Label ?? `column_${index + 1}`));
  try {
    return infos.map((info, index) => typedColumn(info, names[index] as string));
  } catch (error) {
    throw new QueryError(`Athena query ${queryId}: ${(error as Error).message}`, queryId, sql, { cause: error });
  }
}

function rowFrom(data: readonly { VarCharValue?: string }[], columns: readonly TypedColumn[], queryId: string, sql: string): Row {
  if (data.length !== columns.length) {
    throw new QueryError(`Athena query ${queryId}: a result row has ${data.length} values for ${columns.length} columns`, queryId, sql);
  }
  const row: Row = {};
  for (let index = 0; index < columns.length; index += 1) {
    const column = columns[index] as TypedColumn;
    const text = (data[index] as { VarCharValue?: string }).VarCharValue;
    try {
      // NULL arrives as a datum without VarCharValue; '' is an empty string.
      row[column.info.name] = text === undefined ? null : column.convert(text, column.info.name);
    } catch (error) {
      // Stays a RangeError (the documented contract for integers beyond 2^53), now naming the query.
      if (error instanceof RangeError) throw new RangeError(`query ${queryId}: ${error.message}`, { cause: error });
      throw new QueryError(`Athena query ${queryId}: ${(error as Error).message}`, queryId, sql, { cause: error });
    }
  }
  return row;
}
