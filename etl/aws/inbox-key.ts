/**
 * Source files land in the lake bucket at `inbox/<dataset>/<file>` (DATA-CONTRACT.md): the
 * folder names the dataset, as `<input>/<dataset>/` does locally.
 */
import { DATASET_NAMES, type DatasetName } from '../schemas/dataset-spec.ts';

export const INBOX_PREFIX = 'inbox/';

export interface InboxObject {
  readonly dataset: DatasetName;
  /** The file's name, kept as the source name in the manifest (as the CLI keeps the local file's name). */
  readonly fileName: string;
}

export class InboxKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InboxKeyError';
  }
}

export function parseInboxKey(key: string): InboxObject {
  const expected = `expected ${INBOX_PREFIX}<dataset>/<file>.csv (<dataset> one of ${DATASET_NAMES.join(', ')})`;
  if (!key.startsWith(INBOX_PREFIX)) throw new InboxKeyError(`object ${JSON.stringify(key)} is not in the inbox: ${expected}`);
  const parts = key.slice(INBOX_PREFIX.length).split('/');
  const [dataset, fileName] = parts;
  if (parts.length !== 2 || dataset === undefined || fileName === undefined || fileName === '') {
    throw new InboxKeyError(`object ${JSON.stringify(key)} is not directly in a dataset folder: ${expected}`);
  }
  if (!(DATASET_NAMES as readonly string[]).includes(dataset)) {
    throw new InboxKeyError(`object ${JSON.stringify(key)} is in an unknown dataset folder "${dataset}": ${expected}`);
  }
  return { dataset: dataset as DatasetName, fileName };
}
