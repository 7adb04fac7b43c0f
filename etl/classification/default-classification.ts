/**
 * The default classification in every lake: when no patent_intensive_classification file has
 * been ingested into a lake, the official 2019 table shipped with ipstats
 * (official-classification.ts) is ingested into it, as the dataset's own file
 * `patent_intensive_classification_2019.csv`, through the same ingestion as any source (its
 * manifest, the commit rule, the whole-table check). `ipstats run` does it after ingesting its
 * input, and the monthly run on AWS before its views are refreshed (`{ publish: city_config }`),
 * so a fresh deployment computes patent-intensive figures without an operator loading anything.
 * A lake that holds any ingested classification — the operator's own version, or this one — is
 * left as it is.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ingestFile } from '../ingest/ingest-file.ts';
import { readManifest } from '../ingest/manifest.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { getDataset } from '../schemas/index.ts';
import { makeWorkFolder, removeWorkFolder } from '../work-folders/work-folders.ts';
import { OFFICIAL_CLASSIFICATION_SOURCE_NAME, OFFICIAL_CLASSIFICATION_VERSION, officialClassification, officialClassificationRows } from './official-classification.ts';

const DATASET = 'patent_intensive_classification';

/** The CLI's logger and the Lambda's both take this. */
interface InfoLogger {
  info(message: string, fields: Readonly<Record<string, string | number | boolean | null>>): void;
}

/** The shipped table in the dataset's columns (what the sample input carries, byte for byte). */
export function defaultClassificationCsv(): string {
  const rows = officialClassificationRows().map((row) => [row.version, row.industry_code, row.category_code, row.partial].join(','));
  return `version,industry_code,category_code,partial\n${rows.join('\n')}\n`;
}

/**
 * Ingests the default classification unless the lake holds an ingested classification already.
 * Returns the manifest key when it ingested it, null when the lake had one. The caller holds the
 * lake's write lock (a local lake) or runs serially (the ingest Lambda).
 */
export async function ensureDefaultClassification(lake: ObjectStore, options: { readonly logger: InfoLogger; readonly now?: () => Date }): Promise<string | null> {
  for (const object of await lake.list(lakeKeys.manifestPrefix(DATASET))) {
    if (object.key.endsWith('.json') && (await readManifest(lake, object.key)).status === 'ingested') return null;
  }
  const workDir = await makeWorkFolder('default-classification');
  try {
    const filePath = path.join(workDir, OFFICIAL_CLASSIFICATION_SOURCE_NAME);
    await writeFile(filePath, defaultClassificationCsv());
    const result = await ingestFile({ store: lake, dataset: getDataset(DATASET), filePath, ...(options.now === undefined ? {} : { now: options.now }) });
    if (result.manifest.status !== 'ingested') {
      throw new Error(`the default classification ${OFFICIAL_CLASSIFICATION_VERSION} shipped with ipstats was not ingested (${result.manifest.status}): ${result.manifest.error ?? 'no reason given'}`);
    }
    options.logger.info('no classification in the lake: loaded the default one', { version: OFFICIAL_CLASSIFICATION_VERSION, classes: officialClassification().length, manifest: result.manifestKey });
    return result.manifestKey;
  } finally {
    await removeWorkFolder(workDir);
  }
}
