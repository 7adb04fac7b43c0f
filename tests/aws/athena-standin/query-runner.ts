/**
 * Runs one statement the way Athena would, on DuckDB: bring the lake mirror up to date (and the
 * source tables with it), check catalog and database, put the ExecutionParameters in place,
 * refuse what Trino would refuse, run it on the project's DuckDB engine (with its Trino
 * compatibility macros), spell the result in Athena's types and text, and write the result file
 * to the results location. Every refusal or error comes back as the QueryFailure Athena would
 * report, never as an exception: a query either SUCCEEDS with its result or FAILS with a reason.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { QueryEngine } from '../../../etl/engines/query-engine.ts';
import { athenaColumn } from './athena-result-values.ts';
import { parseS3Url } from './glue-catalog.ts';
import { registerCatalogTables, type DuckDbCatalogTables } from './glue-tables-on-duckdb.ts';
import type { LakeMirror } from './lake-mirror.ts';
import { bindPositionalParameters } from './positional-parameters.ts';
import { failureOfDuckDbError, RESULTS_NOT_WRITTEN, userFailure, type QueryFailure } from './query-failure.ts';
import type { StoredResult } from './result-pages.ts';
import { writeResultFile } from './results-output.ts';
import { statementKind } from './statement-kind.ts';
import { trinoStatement } from './trino-checks.ts';

export interface StatementToRun {
  readonly queryId: string;
  readonly query: string;
  readonly executionParameters: readonly string[];
  readonly catalog: string;
  readonly database: string;
  /** `s3://…/<id>.csv` (or `.txt`). */
  readonly resultFile: string;
}

export type RunOutcome = { readonly result: StoredResult | undefined } | { readonly failure: QueryFailure };

export interface QueryRunnerOptions {
  readonly engine: QueryEngine;
  readonly mirror: LakeMirror;
  readonly tables: DuckDbCatalogTables;
  /** The one Glue database; its table names cannot be taken by a view. */
  readonly database: string;
  readonly tableNames: ReadonlySet<string>;
  readonly trinoFunctions: ReadonlySet<string>;
  readonly s3: S3Client;
}

export type QueryRunner = (statement: StatementToRun, signal: AbortSignal) => Promise<RunOutcome>;

export function createQueryRunner(options: QueryRunnerOptions): QueryRunner {
  let registered = false;

  async function refreshLake(): Promise<QueryFailure | undefined> {
    try {
      const { changed } = await options.mirror.sync();
      if (changed || !registered) await registerCatalogTables(options.engine, options.tables, options.mirror.root);
      registered = true;
      return undefined;
    } catch (error) {
      return { reason: `HIVE_CANNOT_OPEN_SPLIT: the stand-in could not read the lake: ${(error as Error).message}`, errorCategory: 1, errorType: 200, retryable: true };
    }
  }

  return async (statement, signal) => {
    const lakeFailure = await refreshLake();
    if (lakeFailure !== undefined) return { failure: lakeFailure };
    if (statement.catalog.toLowerCase() !== 'awsdatacatalog') return { failure: userFailure('CATALOG_NOT_FOUND', `Catalog '${statement.catalog.toLowerCase()}' does not exist`) };
    if (statement.database !== options.database) return { failure: userFailure('SCHEMA_NOT_FOUND', `Schema '${statement.database}' does not exist`) };
    const bound = bindPositionalParameters(statement.query, statement.executionParameters);
    if ('failure' in bound) return bound;
    const checked = trinoStatement(bound.sql, options.trinoFunctions);
    if ('failure' in checked) return checked;
    const kind = statementKind(checked.sql);
    if (kind.run === 'unsupported') {
      return { failure: userFailure('NOT_SUPPORTED', `the Athena stand-in runs SELECT, CREATE [OR REPLACE] VIEW and DROP VIEW only, not ${kind.substatementType}`) };
    }
    let result: StoredResult | undefined;
    try {
      if (kind.run === 'ddl') {
        const refusal = ddlRefusal(kind.objectName, options);
        if (refusal !== undefined) return { failure: refusal };
        await options.engine.execute(checked.sql, { signal });
      } else {
        const { columns, rows } = await options.engine.query(checked.sql, {}, { signal });
        const athenaColumns = columns.map(athenaColumn);
        result = {
          columns: athenaColumns.map((column) => column.info),
          rows: rows.map((row) => athenaColumns.map((column, index) => column.text(row[(columns[index] as { name: string }).name] ?? null))),
          headerRow: true,
        };
      }
    } catch (error) {
      const message = (error as Error).message;
      if (message.startsWith('NOT_SUPPORTED: ')) return { failure: userFailure('NOT_SUPPORTED', message.slice('NOT_SUPPORTED: '.length)) };
      return { failure: failureOfDuckDbError(message, kind.statementType) };
    }
    try {
      await writeResultFile(options.s3, statement.resultFile, result);
    } catch (error) {
      const { bucket } = parseS3Url(statement.resultFile);
      const reason = causeNamed(error, 'NoSuchBucket') ? `Unable to verify/create output bucket ${bucket}` : `Unable to write the query results to ${statement.resultFile}`;
      return { failure: { reason, errorCategory: 2, errorType: RESULTS_NOT_WRITTEN, retryable: false } };
    }
    return { result };
  };
}

/** A view named like a Glue table, or in another database, is refused as Athena refuses it. */
function ddlRefusal(objectName: readonly string[], options: QueryRunnerOptions): QueryFailure | undefined {
  const name = objectName[objectName.length - 1] ?? '';
  const schema = objectName.length >= 2 ? objectName[objectName.length - 2] : options.database;
  if (schema !== options.database) return userFailure('SCHEMA_NOT_FOUND', `Schema '${schema}' does not exist`);
  if (options.tableNames.has(name)) return userFailure('NOT_SUPPORTED', `'awsdatacatalog.${options.database}.${name}' is a table, not a view`);
  return undefined;
}

function causeNamed(error: unknown, name: string): boolean {
  for (let current = error; current instanceof Error; current = current.cause) if (current.name === name) return true;
  return false;
}
