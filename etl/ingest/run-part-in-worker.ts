/** Runs processPart for one part in a worker thread; rejects with the worker's error, of the same kind. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sourceRejectionOf } from '../sources/source-rejection.ts';
import type { PartWorkerData, PartWorkerMessage } from './part-worker.ts';
import type { PartOutcome, PartTask } from './process-part.ts';

const WORKER_ENTRY = new URL('./part-worker-entry.mjs', import.meta.url);

/**
 * Whether parts can run in worker threads: the worker's entry file sits next to this module
 * when the project runs from source, not in a bundle (a Lambda built by esbuild), where a
 * file is then processed in one piece.
 */
export function partWorkersAvailable(): boolean {
  return WORKER_ENTRY.protocol === 'file:' && existsSync(fileURLToPath(WORKER_ENTRY));
}

function errorOf(message: Extract<PartWorkerMessage, { ok: false }>, part: number): Error {
  // A rejection of the file, of the same kind and with its line in the part (process-source.ts moves it).
  if (message.rejection !== undefined) return sourceRejectionOf(message.rejection);
  const error = new Error(`ingestion of part ${part} failed in its worker thread: ${message.message}`);
  if (message.stack) error.stack = `${error.message}\n(worker) ${message.stack}`;
  return error;
}

export function runPartInWorker(task: PartTask, datasetName: string): Promise<PartOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, { workerData: { task, dataset: datasetName } satisfies PartWorkerData, execArgv: [] });
    let settled = false;
    worker.once('message', (message: PartWorkerMessage) => {
      settled = true;
      if (message.ok) resolve(message.outcome);
      else reject(errorOf(message, task.part));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (settled) return;
      settled = true;
      reject(new Error(`ingestion of part ${task.part} failed in its worker thread: ${error.message}`, { cause: error }));
    });
    worker.once('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new Error(`the worker thread of part ${task.part} exited (code ${code}) without a result`));
    });
  });
}
