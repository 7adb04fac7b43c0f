/**
 * What of an input folder is ingested and what is not: links followed inside the input folder,
 * refused (with their target) outside it, and every file not ingested listed with its reason.
 */
import { chmod, copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../etl/cli/logger.ts';
import { listSourceFiles } from '../../../etl/ingest/ingest-paths.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { ingestInputFolder } from '../../../etl/pipeline/ingest-input-folder.ts';
import { DATASET_NAMES } from '../../../etl/schemas/dataset-spec.ts';
import { E2E_INPUT_DIR } from '../../e2e/support/run-cli.ts';
import { tempDir } from '../../support/temp-dir.ts';

const SILENT: Logger = { info: () => undefined, warn: () => undefined, progress: () => undefined };
const CLOCK = () => new Date('2025-07-05T02:00:00Z');
const DATASETS = `dataset folders: ${DATASET_NAMES.join(', ')}`;

let work: string;
let input: string;
let elsewhere: string;

beforeAll(async () => {
  work = await tempDir('input-listing');
  input = path.join(work, 'input');
  elsewhere = path.join(work, 'elsewhere');
  await mkdir(path.join(input, 'pledges', 'old'), { recursive: true });
  await mkdir(path.join(input, 'deliveries', 'patent_events'), { recursive: true });
  await mkdir(path.join(elsewhere, 'enterprises'), { recursive: true });
  await copyFile(path.join(E2E_INPUT_DIR, 'pledges', '01-pledges-2023-2025.csv'), path.join(input, 'pledges', '01-pledges-2023-2025.csv'));
  await copyFile(path.join(E2E_INPUT_DIR, 'pledges', '02-pledges-2025-06-correction.csv'), path.join(input, 'deliveries', 'pledges-correction.csv'));
  await copyFile(path.join(E2E_INPUT_DIR, 'patent_events', 'patent-events-2023-2025.csv'), path.join(input, 'deliveries', 'patent_events', 'patent-events.csv'));
  await copyFile(path.join(E2E_INPUT_DIR, 'enterprises', 'enterprises.csv'), path.join(elsewhere, 'enterprises', 'enterprises.csv'));
  await writeFile(path.join(elsewhere, 'secret.csv'), 'x\n');
  // Inside the input: a linked dataset folder and a linked file are followed.
  await symlink(path.join(input, 'deliveries', 'patent_events'), path.join(input, 'patent_events'));
  await symlink('../deliveries/pledges-correction.csv', path.join(input, 'pledges', '02-correction.csv'));
  // Outside it: refused.
  await symlink(path.join(elsewhere, 'enterprises'), path.join(input, 'enterprises'));
  await symlink(path.join(elsewhere, 'secret.csv'), path.join(input, 'pledges', '03-outside.csv'));
  await symlink(path.join(input, 'pledges', 'gone.csv'), path.join(input, 'pledges', '04-broken.csv'));
  await symlink('05-loop-b.csv', path.join(input, 'pledges', '05-loop-a.csv'));
  await symlink('05-loop-a.csv', path.join(input, 'pledges', '05-loop-b.csv'));
  await writeFile(path.join(input, 'pledges', 'README.md'), 'notes\n');
  await writeFile(path.join(input, 'stray.csv'), 'x\n');
  await writeFile(path.join(input, 'cities.json'), '{}\n');
});

describe('ingestInputFolder: links and files not ingested', () => {
  it('follows links inside the input folder and lists everything else with its reason', async () => {
    const store = new LocalObjectStore(path.join(work, 'lake'));
    const { files, notIngested } = await ingestInputFolder({ store, inputDir: input, logger: SILENT, now: CLOCK });
    expect(files.map((file) => [path.relative(input, file.filePath), file.manifest.status, file.manifest.source.name])).toEqual([
      [path.join('patent_events', 'patent-events.csv'), 'ingested', 'patent-events.csv'],
      [path.join('pledges', '01-pledges-2023-2025.csv'), 'ingested', '01-pledges-2023-2025.csv'],
      [path.join('pledges', '02-correction.csv'), 'ingested', '02-correction.csv'],
    ]);
    expect(notIngested.map((entry) => [path.relative(input, entry.path), entry.code, entry.reason])).toEqual([
      ['deliveries', 'not_a_dataset_folder', `a folder whose name is not a dataset, so none of its files are read; ${DATASETS}`],
      ['enterprises', 'link_outside_input', `a link to ${path.join(elsewhere, 'enterprises')}, outside ${input}: links are followed only when they stay inside the input folder`],
      [path.join('pledges', '03-outside.csv'), 'link_outside_input', `a link to ${path.join(elsewhere, 'secret.csv')}, outside ${input}: links are followed only when they stay inside the input folder`],
      [path.join('pledges', '04-broken.csv'), 'broken_link', `a link to ${path.join(input, 'pledges', 'gone.csv')}, which does not exist`],
      [path.join('pledges', '05-loop-a.csv'), 'unreadable', 'a link to 05-loop-b.csv that leads round in a loop'],
      [path.join('pledges', '05-loop-b.csv'), 'unreadable', 'a link to 05-loop-a.csv that leads round in a loop'],
      [path.join('pledges', 'README.md'), 'not_a_source_file', 'not a source file: only .csv, .tsv, .txt files are read'],
      [path.join('pledges', 'old'), 'folder_in_dataset_folder', `a folder inside the dataset folder ${path.join(input, 'pledges')}: only the files directly in a dataset folder are read`],
      ['stray.csv', 'not_in_a_dataset_folder', `a source file directly in the input folder: put it in the folder of its dataset (${path.join(input, '<dataset>')})`],
    ]);
  });

  it('for folders given to ingest, links may lead anywhere inside the folder given, not beyond it', async () => {
    const { files, notIngested } = await listSourceFiles([path.join(input, 'pledges')]);
    expect(files).toEqual([path.join(input, 'pledges', '01-pledges-2023-2025.csv')]);
    expect(notIngested.map((entry) => [path.basename(entry.path), entry.code])).toEqual([
      ['02-correction.csv', 'link_outside_input'],
      ['03-outside.csv', 'link_outside_input'],
      ['04-broken.csv', 'broken_link'],
      ['05-loop-a.csv', 'unreadable'],
      ['05-loop-b.csv', 'unreadable'],
      ['README.md', 'not_a_source_file'],
      ['old', 'folder_in_dataset_folder'],
    ]);
    expect(notIngested[0]!.reason).toBe(
      `a link to ${path.join(input, 'deliveries', 'pledges-correction.csv')}, outside ${path.join(input, 'pledges')}: links are followed only when they stay inside the input folder`,
    );
  });

  it('a link given by name is followed wherever it leads: the operator chose it', async () => {
    const link = path.join(input, 'pledges', '03-outside.csv');
    expect(await listSourceFiles([link])).toEqual({ files: [link], notIngested: [] });
  });

  it.skipIf(process.getuid?.() === 0)('a file that cannot be read is listed, not ingested (not testable as root)', async () => {
    const folder = path.join(work, 'unreadable');
    await mkdir(folder);
    await writeFile(path.join(folder, 'locked.csv'), 'x\n');
    await chmod(path.join(folder, 'locked.csv'), 0o000);
    const { files, notIngested } = await listSourceFiles([folder]);
    expect(files).toEqual([]);
    expect(notIngested).toEqual([{ path: path.join(folder, 'locked.csv'), code: 'unreadable', reason: 'cannot be read: permission denied (EACCES)' }]);
  });
});
