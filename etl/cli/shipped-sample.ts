/**
 * Telling the shipped sample (samples/default) from a user's data: by path for what a command is
 * given, by SHA-256 for what a lake made before lake.json already holds (manifests are named by
 * the source file's SHA-256).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { sourceFileNamesIn } from '../ingest/source-files.ts';
import { DATASET_NAMES } from '../schemas/dataset-spec.ts';
import { SAMPLE_INPUT_DIR } from './defaults.ts';

/** The path with symbolic links resolved when it exists, else as given made absolute. */
async function canonical(given: string): Promise<string> {
  return realpath(given).catch(() => path.resolve(given));
}

/** Whether the file or folder is the shipped sample folder or lies inside it. */
export async function isInShippedSample(given: string): Promise<boolean> {
  const relative = path.relative(await canonical(SAMPLE_INPUT_DIR), await canonical(given));
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** SHA-256 of every source file of the shipped sample's dataset folders. */
export async function shippedSampleHashes(): Promise<Set<string>> {
  const hashes = new Set<string>();
  const entries = await readdir(SAMPLE_INPUT_DIR, { withFileTypes: true });
  const datasets = entries.filter((entry) => entry.isDirectory() && (DATASET_NAMES as readonly string[]).includes(entry.name));
  for (const { name: dataset } of datasets) {
    const folder = path.join(SAMPLE_INPUT_DIR, dataset);
    for (const name of await sourceFileNamesIn(folder)) hashes.add(createHash('sha256').update(await readFile(path.join(folder, name))).digest('hex'));
  }
  return hashes;
}
