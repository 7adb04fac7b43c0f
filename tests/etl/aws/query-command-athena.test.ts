/**
 * `ipstats query --engine athena` in process, the Athena API answered by aws-sdk-client-mock:
 * the query runs in the given workgroup and database and prints like the DuckDB engine's.
 */
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../etl/cli/main.ts';

const athena = mockClient(AthenaClient);

async function runQuery(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const status = await main(['query', ...args]);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('ipstats query --engine athena', () => {
  afterEach(() => athena.reset());
  afterAll(() => athena.restore());

  it('runs the SQL in the workgroup and database given and prints the typed rows', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena.on(GetQueryExecutionCommand).resolves({ QueryExecution: { QueryExecutionId: 'q-1', StatementType: 'DML', Status: { State: 'SUCCEEDED' } } });
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: {
          ColumnInfo: [
            { Name: 'month', Type: 'date' },
            { Name: 'value', Type: 'decimal', Precision: 18, Scale: 2 },
          ],
        },
        Rows: [{ Data: [{ VarCharValue: 'month' }, { VarCharValue: 'value' }] }, { Data: [{ VarCharValue: '2024-08-01' }, { VarCharValue: '2500000.5' }] }],
      },
    });
    const result = await runQuery(['select month, value from mart_x', '--engine', 'athena', '--athena-workgroup', 'ipstats', '--athena-database', 'ipstats_lake', '--region', 'cn-northwest-1', '--format', 'json']);
    expect(result).toEqual({ status: 0, stdout: `${JSON.stringify([{ month: '2024-08-01', value: '2500000.50' }], null, 2)}\n`, stderr: '' });
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]!.args[0].input).toMatchObject({
      QueryString: 'select month, value from mart_x',
      WorkGroup: 'ipstats',
      QueryExecutionContext: { Database: 'ipstats_lake' },
    });
  });

  it('exits 1 with the query id and Athena\'s reason when the query fails', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-2' });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: { QueryExecutionId: 'q-2', StatementType: 'DML', Status: { State: 'FAILED', StateChangeReason: "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.ipstats_lake.nope' does not exist" } },
    });
    const result = await runQuery(['select * from nope', '--engine', 'athena', '--athena-workgroup', 'ipstats', '--athena-database', 'ipstats_lake']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "ipstats: failed: Athena query q-2 failed: TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.ipstats_lake.nope' does not exist\n  in: select * from nope\n",
    );
  });
});
