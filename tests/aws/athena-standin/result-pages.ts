/**
 * GetQueryResults paging as Athena does it: at most MaxResults rows a page (1 to 1000, default
 * 1000); a query's (DML) first page starts with the header row (the column labels), which
 * counts against MaxResults, and later pages do not repeat it; NextToken is opaque and absent on
 * the last page; a DDL statement's result has no columns and no rows.
 */
import type { ColumnInfo as AthenaColumnInfo, GetQueryResultsOutput } from '@aws-sdk/client-athena';
import { datum } from './athena-result-values.ts';

export const MAX_RESULTS_LIMIT = 1000;

export interface StoredResult {
  readonly columns: readonly AthenaColumnInfo[];
  /** Each value as Trino's text, `undefined` for NULL. */
  readonly rows: readonly (readonly (string | undefined)[])[];
  /** A DML result starts with a header row. */
  readonly headerRow: boolean;
}

export class ResultPageError extends Error {}

export function resultPage(queryId: string, result: StoredResult, maxResults: number | undefined, nextToken: string | undefined): GetQueryResultsOutput {
  const pageSize = maxResults ?? MAX_RESULTS_LIMIT;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_RESULTS_LIMIT) {
    throw new ResultPageError(`1 validation error detected: Value '${pageSize}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${MAX_RESULTS_LIMIT} and greater than or equal to 1`);
  }
  const header = result.headerRow ? [result.columns.map((column) => column.Label ?? column.Name)] : [];
  const all = [...header, ...result.rows];
  const start = nextToken === undefined ? 0 : offsetOf(queryId, nextToken, all.length);
  const end = Math.min(all.length, start + pageSize);
  return {
    UpdateCount: 0,
    ResultSet: {
      Rows: all.slice(start, end).map((values) => ({ Data: values.map(datum) })),
      ResultSetMetadata: { ColumnInfo: [...result.columns] },
    },
    ...(end < all.length ? { NextToken: tokenOf(queryId, end) } : {}),
  };
}

function tokenOf(queryId: string, offset: number): string {
  return Buffer.from(JSON.stringify({ queryId, offset })).toString('base64url');
}

function offsetOf(queryId: string, token: string, rowCount: number): number {
  let parsed: { queryId?: unknown; offset?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    throw new ResultPageError('The NextToken is not valid');
  }
  if (parsed.queryId !== queryId || !Number.isInteger(parsed.offset) || (parsed.offset as number) <= 0 || (parsed.offset as number) >= rowCount) {
    throw new ResultPageError('The NextToken is not valid for this query execution');
  }
  return parsed.offset as number;
}
