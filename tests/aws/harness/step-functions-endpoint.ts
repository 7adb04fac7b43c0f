/**
 * The Step Functions API of the harness, over HTTP on 127.0.0.1, for code inside the sandboxes
 * that calls Step Functions itself (`ingest` hands a large inbox object to the large-source state
 * machine with StartExecution): the sandboxes get AWS_ENDPOINT_URL_SFN pointing here, and their
 * SDK client speaks the service's JSON protocol to it. StartExecution and DescribeExecution are
 * answered from LocalStepFunctions; any other operation is refused by name.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ExecutionAlreadyExistsError, type LocalStepFunctions } from './local-step-functions.ts';

export interface RunningStepFunctionsEndpoint {
  readonly endpoint: string;
  stop(): Promise<void>;
}

class ApiError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
  }
}

/** @param service the service that answers; a function, because the service is built after the endpoint (its sandboxes need the address). */
export async function startStepFunctionsEndpoint(service: () => LocalStepFunctions): Promise<RunningStepFunctionsEndpoint> {
  const server: Server = createServer((request, response) => {
    void answer(service(), request, response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the Step Functions endpoint has no port');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    async stop() {
      server.close();
      server.closeAllConnections();
      await once(server, 'close');
    },
  };
}

async function answer(stepFunctions: LocalStepFunctions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const operation = String(request.headers['x-amz-target'] ?? '').replace(/^AWSStepFunctions\./, '');
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    send(response, 200, operate(stepFunctions, operation, body));
  } catch (error) {
    const type = error instanceof ExecutionAlreadyExistsError ? 'ExecutionAlreadyExists' : error instanceof ApiError ? error.type : 'InvalidArn';
    send(response, 400, { __type: type, message: (error as Error).message });
  }
}

function operate(stepFunctions: LocalStepFunctions, operation: string, body: Record<string, unknown>): unknown {
  switch (operation) {
    case 'StartExecution': {
      const input = typeof body.input === 'string' ? JSON.parse(body.input) : {};
      const handle = stepFunctions.start(String(body.stateMachineArn), input, typeof body.name === 'string' ? body.name : undefined);
      return { executionArn: handle.executionArn, startDate: handle.startDate.getTime() / 1000 };
    }
    case 'DescribeExecution': {
      const executionArn = String(body.executionArn);
      const handle = stepFunctions.execution(executionArn);
      if (handle === undefined) throw new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
      const record = stepFunctions.record(executionArn);
      const [, , , , , , machineName, name] = executionArn.split(':');
      const running = { executionArn, name, status: 'RUNNING', startDate: handle.startDate.getTime() / 1000, stateMachineArn: stepFunctions.machine(machineName!).arn };
      if (record === undefined) return running;
      return {
        ...running,
        status: record.status,
        stopDate: record.stopDate.getTime() / 1000,
        input: JSON.stringify(record.input),
        ...(record.output === undefined ? {} : { output: JSON.stringify(record.output) }),
        ...(record.error === undefined ? {} : { error: record.error, cause: record.cause }),
      };
    }
    default:
      throw new ApiError('UnknownOperationException', `the harness's Step Functions endpoint does not answer ${operation || '(no X-Amz-Target)'}`);
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  response.end(JSON.stringify(body));
}
