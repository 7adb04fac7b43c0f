/** `run`'s ingestion of an input folder with coverage declarations: --covers, coverage.json, what is logged. */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../../etl/cli/logger.ts';
import { CoverageDeclarationError } from '../../../etl/coverage/coverage-declaration-error.ts';
import { parseRunCovers } from '../../../etl/coverage/run-covers.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { ingestInputFolder } from '../../../etl/pipeline/ingest-input-folder.ts';
import { E2E_INPUT_DIR } from '../../e2e/support/run-cli.ts';
import { tempDir } from '../../support/temp-dir.ts';

type Line = [level: 'info' | 'warn', message: string, fields: LogFields];

function recordingLogger(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  return {
    lines,
    info: (message, fields = {}) => lines.push(['info', message, fields]),
    warn: (message, fields = {}) => lines.push(['warn', message, fields]),
    progress: () => undefined,
  };
}

const CLOCK = () => new Date('2025-07-05T02:00:00Z');
let input: string;
let store: LocalObjectStore;

beforeAll(async () => {
  const work = await tempDir('input-folder-covers');
  input = path.join(work, 'input');
  for (const dataset of ['pledges', 'patent_events', 'enterprises']) {
    await mkdir(path.join(input, dataset), { recursive: true });
    await cp(path.join(E2E_INPUT_DIR, dataset), path.join(input, dataset), { recursive: true });
  }
  await writeFile(path.join(input, 'pledges', 'coverage.json'), JSON.stringify({ covers: '2023-01..2025-03' }));
  store = new LocalObjectStore(path.join(work, 'lake'));
});

describe('ingestInputFolder with coverage declarations', () => {
  it("declares each folder's coverage.json; a folder without one declares nothing", async () => {
    const logger = recordingLogger();
    const { files } = await ingestInputFolder({ store, inputDir: input, logger, now: CLOCK });
    // Datasets in the contract's order.
    expect(files.map((file) => [path.basename(file.filePath), file.manifest.coverage ?? null])).toEqual([
      ['patent-events-2023-2025.csv', null],
      ['01-pledges-2023-2025.csv', { first: '2023-01', last: '2025-03', declared_in: 'pledges/coverage.json' }],
      ['02-pledges-2025-06-correction.csv', { first: '2023-01', last: '2025-03', declared_in: 'pledges/coverage.json' }],
      ['enterprises.csv', null],
    ]);
    expect(logger.lines.filter(([level]) => level === 'warn')).toEqual([
      [
        'warn',
        'rows outside the declared coverage',
        {
          dataset: 'pledges',
          file: '01-pledges-2023-2025.csv',
          warning: 'accepted rows of 2025-04..2025-06 lie outside the declared coverage 2023-01..2025-03: figures for months outside the declared coverage are not published',
        },
      ],
      [
        'warn',
        'rows outside the declared coverage',
        {
          dataset: 'pledges',
          file: '02-pledges-2025-06-correction.csv',
          warning: 'accepted rows of 2025-06 lie outside the declared coverage 2023-01..2025-03: figures for months outside the declared coverage are not published',
        },
      ],
    ]);
    expect(logger.lines.find(([, message, fields]) => message === 'ingested' && fields['file'] === '02-pledges-2025-06-correction.csv')).toEqual([
      'info',
      'ingested',
      { dataset: 'pledges', file: '02-pledges-2025-06-correction.csv', status: 'ingested', read: 1, accepted: 1, rejected: 0, coverage: '2023-01..2025-03', declared_in: 'pledges/coverage.json' },
    ]);
  });

  it('a bare --covers declares every monthly dataset over coverage.json, a DATASET= one wins for its dataset', async () => {
    const logger = recordingLogger();
    const covers = parseRunCovers(['2023-01..2025-06', 'patent_events=2023-01..2025-12']);
    const { files } = await ingestInputFolder({ store, inputDir: input, logger, now: CLOCK, covers });
    expect(files.map((file) => [path.basename(file.filePath), file.skipped, file.coverageUpdated, file.manifest.coverage ?? null])).toEqual([
      ['patent-events-2023-2025.csv', true, true, { first: '2023-01', last: '2025-12', declared_in: '--covers' }],
      ['01-pledges-2023-2025.csv', true, true, { first: '2023-01', last: '2025-06', declared_in: '--covers' }],
      ['02-pledges-2025-06-correction.csv', true, true, { first: '2023-01', last: '2025-06', declared_in: '--covers' }],
      ['enterprises.csv', true, false, null],
    ]);
    expect(logger.lines.map(([level, message, fields]) => [level, message, fields['file']])).toEqual([
      ['info', 'coverage declaration updated', 'patent-events-2023-2025.csv'],
      ['info', 'coverage declaration updated', '01-pledges-2023-2025.csv'],
      ['info', 'coverage declaration updated', '02-pledges-2025-06-correction.csv'],
      ['info', 'already ingested', 'enterprises.csv'],
    ]);
  });

  it('a --covers DATASET= for a dataset the input has no folder for', async () => {
    await expect(ingestInputFolder({ store, inputDir: input, logger: recordingLogger(), covers: parseRunCovers(['gi_output=2023-01..2025-06']) })).rejects.toThrow(
      new CoverageDeclarationError(`--covers 'gi_output=2023-01..2025-06': the input folder ${input} has no gi_output folder`),
    );
  });
});
