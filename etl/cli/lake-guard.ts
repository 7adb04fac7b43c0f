/**
 * Keeps the shipped sample and a user's data in separate lakes. `run` and `ingest` call it before
 * they ingest: it reads the lake's lake.json (etl/lake/lake-record.ts) — or, for a lake made before
 * lake.json, infers what it holds and adopts it — and refuses (exit status 2) a command that would
 * ingest the sample into a user's lake or a user's files into the sample's lake. A user lake taking
 * a new input folder (next month's delivery) or another configuration is normal and goes through.
 */
import path from 'node:path';
import { lakeKeys } from '../lake/lake-keys.ts';
import { readLakeRecord, writeLakeRecord, type LakePurpose, type LakeRecord } from '../lake/lake-record.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { openObjectStore } from '../lake/open-object-store.ts';
import { recordOnFirstWrite } from '../lake/record-on-first-write.ts';
import { UsageError } from './cli-errors.ts';
import { DEFAULT_LAKE } from './defaults.ts';
import type { Logger } from './logger.ts';
import { isInShippedSample, shippedSampleHashes } from './shipped-sample.ts';

export interface LakeGuardOptions {
  /** `--lake` as given. */
  readonly lake: string;
  readonly command: LakeRecord['written_by'];
  /** The input folder of `run`, or the paths given to `ingest`, as given. */
  readonly inputs: readonly string[];
  /** The city configuration of `run`; null for `ingest`. */
  readonly config: string | null;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/** The command would mix the shipped sample and a user's data in one lake: exit status 2. */
export class LakeMixingError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'LakeMixingError';
  }
}

/** What the lake holds, as said in a refusal. */
interface LakeState {
  readonly builtFor: LakePurpose;
  readonly evidence: string;
}

/**
 * The lake to ingest into, once the command is allowed to: a new lake records lake.json with its
 * first write, an adopted lake records it at once. Throws LakeMixingError (nothing written) otherwise.
 */
export async function guardLake(options: LakeGuardOptions): Promise<ObjectStore> {
  const purpose = await purposeOfInputs(options.inputs);
  const store = openObjectStore(options.lake);
  const record: LakeRecord = {
    schema_version: 1,
    built_for: purpose,
    origin: 'created',
    written_by: options.command,
    written_at: (options.now?.() ?? new Date()).toISOString(),
    inputs: options.inputs.map((input) => path.resolve(input)),
    config: options.config === null ? null : path.resolve(options.config),
  };
  const existing = await readLakeRecord(store);
  if (existing !== undefined) {
    refuseMixing(options, purpose, { builtFor: existing.built_for, evidence: `lake.json: built by ${existing.written_by} from ${existing.inputs.join(', ')} on ${existing.written_at}` });
    return store;
  }
  const adopted = await inferOldLake(store);
  if (adopted === null) return recordOnFirstWrite(store, record);
  options.logger.warn('lake made before lake.json adopted', { lake: options.lake, built_for: adopted.builtFor, source_files: adopted.sourceFiles, sample_files: adopted.sampleFiles });
  refuseMixing(options, purpose, adopted);
  await writeLakeRecord(store, { ...record, origin: 'adopted' });
  return store;
}

/** `sample` when every path is the shipped sample or inside it, `user` when none is. */
async function purposeOfInputs(inputs: readonly string[]): Promise<LakePurpose> {
  const inSample = await Promise.all(inputs.map((input) => isInShippedSample(input)));
  if (inSample.every(Boolean)) return 'sample';
  if (!inSample.some(Boolean)) return 'user';
  const sample = inputs.filter((_, index) => inSample[index]);
  const other = inputs.filter((_, index) => !inSample[index]);
  throw new LakeMixingError(`the paths given mix the shipped sample (${sample.join(', ')}) with other files (${other.join(', ')}): ingest them into separate lakes, each with its own --lake`);
}

/** What a lake without lake.json holds: null when it holds no source file (a new lake). */
async function inferOldLake(store: ObjectStore): Promise<(LakeState & { sourceFiles: number; sampleFiles: number }) | null> {
  const manifests = await store.list(lakeKeys.manifestsRoot);
  if (manifests.length === 0) return null;
  const sources = new Set(manifests.map((manifest) => path.posix.basename(manifest.key, '.json')));
  // The official classification is the same file in the sample and in every lake given the default (default-classification.ts): not the sample's own.
  const madeUp = new Set(manifests.filter((manifest) => !manifest.key.startsWith(lakeKeys.manifestPrefix('patent_intensive_classification'))).map((manifest) => path.posix.basename(manifest.key, '.json')));
  const sampleHashes = await shippedSampleHashes();
  const sampleFiles = [...madeUp].filter((sha256) => sampleHashes.has(sha256)).length;
  // A lake holding any of the sample's files holds the sample's made-up rows: it is the sample's.
  const builtFor: LakePurpose = sampleFiles > 0 ? 'sample' : 'user';
  const evidence =
    sampleFiles > 0
      ? `it was made before lake.json, and ${sampleFiles} of its ${sources.size} source files are the shipped sample's`
      : `it was made before lake.json, and none of its ${sources.size} source files is the shipped sample's`;
  return { builtFor, evidence, sourceFiles: sources.size, sampleFiles };
}

function refuseMixing(options: LakeGuardOptions, purpose: LakePurpose, lake: LakeState): void {
  if (lake.builtFor === purpose) return;
  const run = options.command === 'ipstats run';
  if (lake.builtFor === 'sample') {
    const startAgain = path.resolve(options.lake) === path.resolve(DEFAULT_LAKE) ? 'out/' : options.lake;
    throw new LakeMixingError(
      `the lake ${options.lake} was built for the shipped sample (${lake.evidence}): ingesting ${options.inputs.join(', ')} into it would mix your data with the sample's made-up rows. ` +
        `Give your data a lake of its own with --lake <new folder>${run ? ' (and --out <new folder> for its reports)' : ''}, or remove ${startAgain} to start again`,
    );
  }
  throw new LakeMixingError(
    `the lake ${options.lake} was built for your data (${lake.evidence}): ingesting the shipped sample into it would mix the sample's made-up rows with your data. ` +
      `Put the sample in a lake of its own: ${run ? 'ipstats run --lake <new folder> --out <new folder>' : `ipstats ingest … --lake <new folder>`}`,
  );
}
