/**
 * A file that cannot be read blocks its own dataset: the dataset's files before it are ingested,
 * those after it are not (they would otherwise win over it once it is fixed), and the other
 * datasets are ingested as usual.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../../etl/cli/logger.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { blockedDatasets } from '../../../etl/pipeline/blocked-datasets.ts';
import { ingestInputFolder } from '../../../etl/pipeline/ingest-input-folder.ts';
import { E2E_INPUT_DIR } from '../../e2e/support/run-cli.ts';
import { tempDir } from '../../support/temp-dir.ts';

const CLOCK = () => new Date('2025-07-05T02:00:00Z');
let input: string;
let store: LocalObjectStore;
const lines: [string, string, LogFields][] = [];
const logger: Logger = {
  info: (message, fields = {}) => lines.push(['info', message, fields]),
  warn: (message, fields = {}) => lines.push(['warn', message, fields]),
  progress: () => undefined,
};

beforeAll(async () => {
  const work = await tempDir('blocked-datasets');
  input = path.join(work, 'input');
  for (const dataset of ['pledges', 'patent_events']) {
    await mkdir(path.join(input, dataset), { recursive: true });
    await cp(path.join(E2E_INPUT_DIR, dataset), path.join(input, dataset), { recursive: true });
  }
  // pledges: 01 and 02 of the fixture, then a file with a stray quote on line 3, then one more.
  const original = await readFile(path.join(E2E_INPUT_DIR, 'pledges', '01-pledges-2023-2025.csv'), 'utf8');
  const broken = original.split('\n');
  // The stray quote pairs with the next quote of the file (a quoted amount further down): a quote not doubled.
  broken[2] = broken[2]!.replace(',商标,', ',"商标,');
  await writeFile(path.join(input, 'pledges', '03-stray-quote.csv'), broken.join('\n'));
  await cp(path.join(E2E_INPUT_DIR, 'pledges', '02-pledges-2025-06-correction.csv'), path.join(input, 'pledges', '04-later.csv'));
  store = new LocalObjectStore(path.join(work, 'lake'));
});

describe('a file that cannot be read', () => {
  it('blocks its own dataset at that file; the other datasets are ingested', async () => {
    const { files, notIngested } = await ingestInputFolder({ store, inputDir: input, logger, now: CLOCK });
    expect(notIngested).toEqual([]);
    expect(files.map((file) => [path.basename(file.filePath), file.manifest.status, file.blockedFiles?.map((later) => path.basename(later))])).toEqual([
      ['patent-events-2023-2025.csv', 'ingested', undefined],
      ['01-pledges-2023-2025.csv', 'ingested', undefined],
      ['02-pledges-2025-06-correction.csv', 'ingested', undefined],
      ['03-stray-quote.csv', 'file_rejected', ['04-later.csv']],
    ]);
    expect(blockedDatasets(files)).toEqual([
      {
        dataset: 'pledges',
        file: path.join(input, 'pledges', '03-stray-quote.csv'),
        error: 'line 3: CSV syntax: the quoted field that starts on this line has a quote inside it that is not doubled (inside quotes, write " as "")',
        blockedFiles: [path.join(input, 'pledges', '04-later.csv')],
      },
    ]);
    expect(lines.filter(([level]) => level === 'warn')).toEqual([
      ['warn', 'file rejected', { dataset: 'pledges', file: '03-stray-quote.csv', status: 'file_rejected', read: 0, accepted: 0, rejected: 0 }],
      [
        'warn',
        'dataset blocked',
        { dataset: 'pledges', file: '03-stray-quote.csv', not_ingested: 1, error: 'line 3: CSV syntax: the quoted field that starts on this line has a quote inside it that is not doubled (inside quotes, write " as "")' },
      ],
    ]);
  });

  it('is tried again on the next run, and still blocks what follows it', async () => {
    const { files } = await ingestInputFolder({ store, inputDir: input, logger, now: CLOCK });
    expect(files.map((file) => [path.basename(file.filePath), file.skipped, file.manifest.status])).toEqual([
      ['patent-events-2023-2025.csv', true, 'ingested'],
      ['01-pledges-2023-2025.csv', true, 'ingested'],
      ['02-pledges-2025-06-correction.csv', true, 'ingested'],
      ['03-stray-quote.csv', false, 'file_rejected'],
    ]);
  });
});
