/**
 * Athena's wire protocol, AWS JSON 1.1: every call is `POST /` with the operation in
 * `X-Amz-Target: AmazonAthena.<Operation>` and a JSON body; the answer is JSON (timestamps as
 * epoch seconds), an error is HTTP 400 with `__type` naming the exception. Requests are not
 * authenticated (the SDK's SigV4 signature is accepted unread). Throttling can be injected: the
 * next calls of an operation answer TooManyRequestsException, as Athena does under load.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StartQueryExecutionInput } from '@aws-sdk/client-athena';
import { AthenaApiError } from './athena-api-error.ts';
import type { QueryExecutions } from './query-executions.ts';

export type AthenaOperation = 'StartQueryExecution' | 'GetQueryExecution' | 'GetQueryResults' | 'StopQueryExecution';

export interface AthenaJsonServer {
  readonly endpoint: string;
  /** The next `times` calls of `operation` are refused with TooManyRequestsException. */
  throttle(operation: AthenaOperation, times: number): void;
  /** Calls received, by operation (throttled ones included). */
  readonly calls: Readonly<Record<string, number>>;
  close(): Promise<void>;
}

type Body = Record<string, unknown>;

export async function startAthenaJsonServer(executions: QueryExecutions): Promise<AthenaJsonServer> {
  const throttled = new Map<string, number>();
  const calls: Record<string, number> = {};
  const operations: Readonly<Record<AthenaOperation, (body: Body) => unknown>> = {
    // start() checks what it reads (QueryString, WorkGroup …) as Athena does.
    StartQueryExecution: (body) => executions.start(body as unknown as StartQueryExecutionInput),
    GetQueryExecution: (body) => ({ QueryExecution: executions.describe(body['QueryExecutionId'] as string | undefined) }),
    GetQueryResults: (body) =>
      executions.results(body['QueryExecutionId'] as string | undefined, body['MaxResults'] as number | undefined, body['NextToken'] as string | undefined),
    StopQueryExecution: (body) => (executions.stop(body['QueryExecutionId'] as string | undefined), {}),
  };

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith('AmazonAthena.') ? target.slice('AmazonAthena.'.length) : '';
    calls[operation] = (calls[operation] ?? 0) + 1;
    try {
      const handle = operations[operation as AthenaOperation];
      if (request.method !== 'POST' || handle === undefined) throw new AthenaApiError('UnknownOperationException', `the Athena stand-in does not answer ${target || 'a request without X-Amz-Target'}`);
      const throttledLeft = throttled.get(operation) ?? 0;
      if (throttledLeft > 0) {
        throttled.set(operation, throttledLeft - 1);
        throw new AthenaApiError('TooManyRequestsException', 'Rate exceeded', { Reason: 'CONCURRENT_QUERY_LIMIT_EXCEEDED' });
      }
      send(response, 200, handle(await jsonBody(request)));
    } catch (error) {
      if (error instanceof AthenaApiError) send(response, 400, { __type: error.exception, Message: error.message, ...error.extra });
      else send(response, 500, { __type: 'InternalServerException', Message: `the Athena stand-in failed: ${(error as Error).message}` });
    }
  }

  const server: Server = createServer((request, response) => void answer(request, response));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    throttle(operation, times) {
      throttled.set(operation, (throttled.get(operation) ?? 0) + times);
    },
    calls,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

async function jsonBody(request: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const parsed: unknown = text === '' ? {} : JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as Body;
  } catch (error) {
    throw new AthenaApiError('InvalidRequestException', `the request body is not a JSON object: ${(error as Error).message}`);
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  // AWS JSON 1.1 sends timestamps as epoch seconds.
  const text = JSON.stringify(body, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    return original instanceof Date ? original.getTime() / 1000 : value;
  });
  response.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': crypto.randomUUID(),
    ...(status === 400 ? { 'x-amzn-ErrorType': (body as { __type: string }).__type } : {}),
  });
  response.end(text);
}
