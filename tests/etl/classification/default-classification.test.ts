/**
 * A lake without a classification gets the official 2019 table shipped with ipstats, ingested as
 * any source is (manifest, commit rule, whole-table check); a lake with one keeps it, whether the
 * operator's own version or the default, and nothing is ingested twice.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultClassificationCsv, ensureDefaultClassification } from '../../../etl/classification/default-classification.ts';
import { OFFICIAL_CLASSIFICATION_SOURCE_NAME } from '../../../etl/classification/official-classification.ts';
import { ingestFile } from '../../../etl/ingest/ingest-file.ts';
import { readAllManifests } from '../../../etl/ingest/manifest.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

function quietLogger() {
  const lines: { message: string; fields?: Record<string, unknown> }[] = [];
  return { lines, info: (message: string, fields?: Record<string, unknown>) => lines.push({ message, fields }), warn: (message: string, fields?: Record<string, unknown>) => lines.push({ message, fields }) };
}

const classifications = async (lake: LocalObjectStore) => (await readAllManifests(lake)).filter((manifest) => manifest.dataset === 'patent_intensive_classification');

describe('ensureDefaultClassification', () => {
  it('ingests the very file the sample carries (one SHA-256: a lake never holds the table twice)', async () => {
    expect(defaultClassificationCsv()).toBe(await readFile(path.resolve('samples/default/patent_intensive_classification', OFFICIAL_CLASSIFICATION_SOURCE_NAME), 'utf8'));
  });

  it('ingests the 188 classes of version 2019 into a lake without a classification, once', async () => {
    const lake = new LocalObjectStore(await tempDir('default-classification'));
    const logger = quietLogger();

    const first = await ensureDefaultClassification(lake, { logger });
    const again = await ensureDefaultClassification(lake, { logger });

    expect(first).toMatch(/^manifests\/patent_intensive_classification\/[0-9a-f]{64}\.json$/);
    expect(again).toBeNull();
    const [manifest, ...others] = await classifications(lake);
    expect(others).toEqual([]);
    expect(manifest).toMatchObject({ status: 'ingested', source: { name: OFFICIAL_CLASSIFICATION_SOURCE_NAME }, rows: { read: 188, accepted: 188, rejected: 0 } });
    expect(logger.lines).toEqual([{ message: 'no classification in the lake: loaded the default one', fields: { version: '2019', classes: 188, manifest: first } }]);
  });

  it('leaves a lake that holds the operator\'s own classification as it is', async () => {
    const root = await tempDir('own-classification');
    const lake = new LocalObjectStore(path.join(root, 'lake'));
    await mkdir(path.join(root, 'in'));
    const own = path.join(root, 'in', 'classification.csv');
    await writeFile(own, 'version,industry_code,category_code,partial\nmine-2024,3921,01,false\n');
    await ingestFile({ store: lake, dataset: getDataset('patent_intensive_classification'), filePath: own });

    expect(await ensureDefaultClassification(lake, { logger: quietLogger() })).toBeNull();
    expect((await classifications(lake)).map((manifest) => manifest.source.name)).toEqual(['classification.csv']);
  });
});
