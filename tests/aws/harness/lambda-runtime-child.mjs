/**
 * The inside of a local Lambda sandbox: a child Node process started by run-bundled-function.ts
 * in the function's unpacked bundle (cwd = task root), with the function's environment and a
 * heap limit from its memory. It imports the bundle's handler module once (the cold start,
 * where the handlers validate their environment), receives one invocation over IPC, calls the
 * handler with the event and a Lambda context, and answers with the result or the error as the
 * Lambda runtime reports it: `{ errorType, errorMessage, trace }`.
 *
 * IPSTATS_HARNESS_FAULT (set by the harness's invoker for a fault-injection test only, never by
 * the product) raises an error named `error` before the handler runs (`when: "before"`) or after
 * it has run (`when: "after"`: the work is done, the answer is lost), or sends the handler's
 * HTTP requests of a method whose path holds `pathIncludes` to a socket that never answers
 * (`when: "hang-requests"`: a service that stopped answering; the harness kills the sandbox at
 * its timeout).
 */
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const { handlerSpec, taskRoot } = JSON.parse(process.env.IPSTATS_HARNESS_HANDLER ?? '{}');

function lambdaError(error) {
  if (error instanceof Error) {
    return { errorType: error.name || 'Error', errorMessage: error.message, trace: (error.stack ?? '').split('\n') };
  }
  return { errorType: 'Error', errorMessage: String(error), trace: [] };
}

function answer(message) {
  process.send(message, () => process.exit(0));
}

class HarnessFault extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
  }
}

async function loadHandler() {
  const dot = handlerSpec.lastIndexOf('.');
  const file = handlerSpec.slice(0, dot);
  const exportName = handlerSpec.slice(dot + 1);
  const module = await import(pathToFileURL(path.join(taskRoot, `${file}.mjs`)).href);
  const handler = module[exportName];
  if (typeof handler !== 'function') throw new HarnessFault('Runtime.HandlerNotFound', `${handlerSpec} is undefined or not exported`);
  return handler;
}

const fault = process.env.IPSTATS_HARNESS_FAULT === undefined ? undefined : JSON.parse(process.env.IPSTATS_HARNESS_FAULT);
delete process.env.IPSTATS_HARNESS_FAULT;

/** Points matching requests at a local socket that accepts and never answers (before the bundle imports http). */
async function hangRequests({ method, pathIncludes }) {
  const held = [];
  const blackHole = net.createServer((socket) => held.push(socket));
  await new Promise((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  const { port } = blackHole.address();
  const httpRequest = http.request;
  for (const module of [http, https]) {
    const request = module.request;
    module.request = function (options, ...rest) {
      const matches = typeof options === 'object' && !(options instanceof URL) && (options.method ?? 'GET').toUpperCase() === method && decodeURIComponent(options.path ?? '').includes(pathIncludes);
      // The path names lake keys, never row values.
      if (matches) process.stderr.write(`harness: ${method} ${options.path} held, never answered\n`);
      // Plain HTTP to the hole whatever the scheme: it never gets as far as a TLS handshake.
      return matches ? httpRequest({ ...options, protocol: 'http:', host: '127.0.0.1', hostname: '127.0.0.1', port, agent: undefined }, ...rest) : request.call(this, options, ...rest);
    };
  }
  syncBuiltinESMExports();
}

if (fault?.when === 'hang-requests') await hangRequests(fault);

let handler;
let initError;
try {
  handler = await loadHandler();
} catch (error) {
  // An error at module scope: Lambda reports it on the invocation that caused the cold start.
  initError = lambdaError(error);
}

process.once('message', async ({ event, context }) => {
  if (handler === undefined) {
    answer({ ok: false, phase: 'init', error: initError });
    return;
  }
  const lambdaContext = {
    ...context,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, context.deadlineMs - Date.now()),
    done() {},
    fail() {},
    succeed() {},
  };
  try {
    if (fault?.when === 'before') throw new HarnessFault(fault.error, fault.message);
    const result = await handler(event, lambdaContext);
    if (fault?.when === 'after') throw new HarnessFault(fault.error, fault.message);
    answer({ ok: true, result: result === undefined ? null : result });
  } catch (error) {
    answer({ ok: false, phase: 'invoke', error: lambdaError(error) });
  }
});
// Listening: the harness sends the invocation only now, so it cannot be lost.
process.send({ ready: true });
