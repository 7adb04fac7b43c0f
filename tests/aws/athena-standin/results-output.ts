/**
 * The result file Athena leaves in the results location: `<location><query id>.csv` for a query
 * (header row, every value in double quotes, NULL as an empty unquoted field) and
 * `<location><query id>.txt` for DDL. Written to the S3 server like Athena writes it, so a
 * missing results bucket fails the query as it would in an account.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '../../../etl/lake/s3-object-store.ts';
import { parseS3Url } from './glue-catalog.ts';
import type { StoredResult } from './result-pages.ts';

/** `s3://results/athena/` + id → the file's URL, as QueryExecution.ResultConfiguration.OutputLocation names it. */
export function resultFileUrl(outputLocation: string, queryId: string, statementType: string): string {
  const folder = outputLocation.endsWith('/') ? outputLocation : `${outputLocation}/`;
  return `${folder}${queryId}.${statementType === 'DML' ? 'csv' : 'txt'}`;
}

export async function writeResultFile(client: S3Client, fileUrl: string, result: StoredResult | undefined): Promise<void> {
  const { bucket, prefix: key } = parseS3Url(fileUrl);
  const body = result === undefined ? '' : csvOf(result);
  await new S3ObjectStore({ client, bucket }).put(key, body, { contentType: key.endsWith('.csv') ? 'text/csv' : 'text/plain' });
}

function csvOf(result: StoredResult): string {
  const quoted = (value: string | undefined) => (value === undefined ? '' : `"${value.replaceAll('"', '""')}"`);
  const header = result.columns.map((column) => quoted(column.Name));
  return [header, ...result.rows.map((row) => row.map(quoted))].map((fields) => `${fields.join(',')}\n`).join('');
}
