/**
 * A stand-in for Athena in handler tests: aws-sdk-client-mock answers the Athena API by running
 * each statement on a DuckDB engine over the lake, and returns the results in Athena's shapes
 * (a header row first, every value as VarCharValue text, NULL as an empty datum, Trino type
 * names with precision and scale, pages of at most MaxResults rows). So a handler runs its real
 * Athena engine, parameters and typing included, against real data.
 */
import {
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  type AthenaClientResolvedConfig,
  type ColumnInfo as AthenaColumnInfo,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-athena';
import type { mockClient } from 'aws-sdk-client-mock';
import type { ColumnInfo, QueryEngine, Row } from '../../../etl/engines/query-engine.ts';

type AthenaStub = ReturnType<typeof mockClient<ServiceInputTypes, ServiceOutputTypes, AthenaClientResolvedConfig>>;

interface Execution {
  readonly sql: string;
  readonly ddl: boolean;
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Row[];
  readonly error?: string;
}

export interface DuckDbBackedAthena {
  /** Every statement started, with its parameters bound, in order. */
  readonly statements: string[];
  /** The StartQueryExecution inputs' workgroup and database, in order. */
  readonly contexts: { workGroup?: string; database?: string }[];
}

export function duckDbBackedAthena(athena: AthenaStub, engine: QueryEngine): DuckDbBackedAthena {
  const executions = new Map<string, Execution>();
  const recorded: DuckDbBackedAthena = { statements: [], contexts: [] };
  athena.on(StartQueryExecutionCommand).callsFake(async (input: { QueryString: string; ExecutionParameters?: string[]; WorkGroup?: string; QueryExecutionContext?: { Database?: string } }) => {
    const id = `duckdb-athena-${executions.size + 1}`;
    const sql = bindPositional(input.QueryString, input.ExecutionParameters ?? []);
    recorded.statements.push(sql);
    recorded.contexts.push({ workGroup: input.WorkGroup, database: input.QueryExecutionContext?.Database });
    const ddl = /^\s*(create|drop)\b/i.test(sql);
    try {
      if (ddl) {
        await engine.execute(sql);
        executions.set(id, { sql, ddl, columns: [], rows: [] });
      } else {
        const result = await engine.query(sql);
        executions.set(id, { sql, ddl, columns: result.columns, rows: result.rows });
      }
    } catch (error) {
      executions.set(id, { sql, ddl, columns: [], rows: [], error: (error as Error).message });
    }
    return { QueryExecutionId: id };
  });
  athena.on(GetQueryExecutionCommand).callsFake(async (input: { QueryExecutionId: string }) => {
    const execution = executions.get(input.QueryExecutionId)!;
    return {
      QueryExecution: {
        QueryExecutionId: input.QueryExecutionId,
        StatementType: execution.ddl ? 'DDL' : 'DML',
        Status: execution.error === undefined ? { State: 'SUCCEEDED' } : { State: 'FAILED', StateChangeReason: execution.error },
      },
    };
  });
  athena.on(GetQueryResultsCommand).callsFake(async (input: { QueryExecutionId: string; NextToken?: string; MaxResults?: number }) => {
    const execution = executions.get(input.QueryExecutionId)!;
    const { columns } = execution;
    const all = [columns.map((column) => ({ VarCharValue: column.name })), ...execution.rows.map((row) => columns.map((column) => datum(row[column.name] ?? null, column.type)))];
    const start = Number(input.NextToken ?? 0);
    const end = start + (input.MaxResults ?? 1000);
    return {
      ResultSet: { ResultSetMetadata: { ColumnInfo: execution.columns.map(athenaColumn) }, Rows: all.slice(start, end).map((Data) => ({ Data })) },
      NextToken: end < all.length ? String(end) : undefined,
    };
  });
  return recorded;
}

/** Athena's literals (`'440300'`, `2024`, `true`, `NULL`) are valid DuckDB too: put them back in place of each `?`. */
function bindPositional(sql: string, literals: readonly string[]): string {
  let index = 0;
  const bound = sql.replace(/\?/g, () => {
    const literal = literals[index++];
    if (literal === undefined) throw new Error(`more ? than ExecutionParameters (${literals.length}) in: ${sql}`);
    return literal;
  });
  if (index !== literals.length) throw new Error(`${literals.length} ExecutionParameters for ${index} ? in: ${sql}`);
  return bound;
}

/** The text Athena would send: a TIMESTAMP as Trino prints it (`2024-01-02 03:04:05.000`). */
function datum(value: string | number | boolean | null, type: string): { VarCharValue?: string } {
  if (value === null) return {};
  if (type === 'TIMESTAMP') return { VarCharValue: String(value).replace('T', ' ') };
  return { VarCharValue: String(value) };
}

function athenaColumn(column: ColumnInfo): AthenaColumnInfo {
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(column.type);
  if (decimal) return { Name: column.name, Label: column.name, Type: 'decimal', Precision: Number(decimal[1]), Scale: Number(decimal[2]) };
  const types: Record<string, string> = {
    VARCHAR: 'varchar',
    BOOLEAN: 'boolean',
    TINYINT: 'tinyint',
    SMALLINT: 'smallint',
    INTEGER: 'integer',
    BIGINT: 'bigint',
    HUGEINT: 'bigint',
    DOUBLE: 'double',
    FLOAT: 'real',
    DATE: 'date',
    TIMESTAMP: 'timestamp',
    '"NULL"': 'unknown',
  };
  const type = types[column.type];
  if (type === undefined) throw new Error(`duckdb-backed Athena: no Athena type for DuckDB ${column.type} (column ${column.name})`);
  return { Name: column.name, Label: column.name, Type: type, Precision: 0, Scale: 0 };
}
