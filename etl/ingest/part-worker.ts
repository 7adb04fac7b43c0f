/**
 * Worker-thread side of a parallel ingestion (started by run-part-in-worker.ts through
 * part-worker-entry.mjs): processes one part and posts back its outcome, or the error's name
 * and message so the main thread can rethrow it as the same kind of error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getDataset } from '../schemas/index.ts';
import { isSourceRejection, plainSourceRejection, type PlainSourceRejection } from '../sources/source-rejection.ts';
import { processPart, type PartTask } from './process-part.ts';

export interface PartWorkerData {
  readonly task: PartTask;
  readonly dataset: string;
}

export type PartWorkerMessage =
  | { readonly ok: true; readonly outcome: Awaited<ReturnType<typeof processPart>> }
  | { readonly ok: false; readonly name: string; readonly message: string; readonly stack?: string; readonly rejection?: PlainSourceRejection };

const { task, dataset } = workerData as PartWorkerData;
processPart(task, getDataset(dataset)).then(
  (outcome) => parentPort!.postMessage({ ok: true, outcome } satisfies PartWorkerMessage),
  (error: unknown) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    const rejection = isSourceRejection(failure) ? { rejection: plainSourceRejection(failure) } : {};
    parentPort!.postMessage({ ok: false, name: failure.name, message: failure.message, stack: failure.stack, ...rejection } satisfies PartWorkerMessage);
  },
);
