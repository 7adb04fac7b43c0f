/** The declaration each file gets: --covers > its entry in coverage.json > the folder's covers. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoverageDeclarationError } from '../../../etl/coverage/coverage-declaration-error.ts';
import { declaredCoverageOfFiles } from '../../../etl/coverage/file-declarations.ts';
import { listSourceFiles } from '../../../etl/ingest/ingest-paths.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

let root: string;
let withFile: string;
let plain: string;

beforeAll(async () => {
  root = await tempDir('file-declarations');
  withFile = path.join(root, 'pledges');
  plain = path.join(root, 'other');
  await mkdir(withFile);
  await mkdir(plain);
  for (const name of ['a.csv', 'b.csv']) await writeFile(path.join(withFile, name), 'x\n');
  await writeFile(path.join(withFile, 'coverage.json'), JSON.stringify({ covers: '2019-01..2025-03', files: { 'b.csv': '2025-01..2025-03' } }));
  await writeFile(path.join(plain, 'c.csv'), 'x\n');
});

describe('declaredCoverageOfFiles', () => {
  it('a file takes its own entry, else the folder range; a folder without coverage.json declares nothing', async () => {
    const files = [path.join(withFile, 'a.csv'), path.join(withFile, 'b.csv'), path.join(plain, 'c.csv')];
    const declarations = await declaredCoverageOfFiles({ dataset: getDataset('pledges'), files });
    expect([...declarations]).toEqual([
      [files[0], { first: '2019-01', last: '2025-03', declaredIn: 'pledges/coverage.json' }],
      [files[1], { first: '2025-01', last: '2025-03', declaredIn: 'pledges/coverage.json' }],
    ]);
  });

  it('--covers wins over coverage.json for every file', async () => {
    const files = [path.join(withFile, 'b.csv'), path.join(plain, 'c.csv')];
    const declarations = await declaredCoverageOfFiles({ dataset: getDataset('pledges'), files, covers: { first: '2020-01', last: '2020-12' } });
    expect([...declarations]).toEqual([
      [files[0], { first: '2020-01', last: '2020-12', declaredIn: '--covers' }],
      [files[1], { first: '2020-01', last: '2020-12', declaredIn: '--covers' }],
    ]);
  });

  it('--covers for a dataset whose coverage cannot be declared', async () => {
    await expect(declaredCoverageOfFiles({ dataset: getDataset('enterprises'), files: [path.join(plain, 'c.csv')], covers: { first: '2020-01', last: '2020-12' } })).rejects.toThrow(
      new CoverageDeclarationError('--covers: enterprises is a reference dataset without dates: it has no coverage to declare'),
    );
  });

  it('a file named on the command line counts as a source file of its folder, whatever its extension', async () => {
    const folder = path.join(root, 'odd');
    await mkdir(folder);
    await writeFile(path.join(folder, 'export.dat'), 'x\n');
    await writeFile(path.join(folder, 'coverage.json'), JSON.stringify({ files: { 'export.dat': '2024-01..2024-06' } }));
    const declarations = await declaredCoverageOfFiles({ dataset: getDataset('patents'), files: [path.join(folder, 'export.dat')] });
    expect(declarations.get(path.join(folder, 'export.dat'))).toEqual({ first: '2024-01', last: '2024-06', declaredIn: 'odd/coverage.json' });
  });
});

describe('listSourceFiles and coverage.json', () => {
  it('a folder\'s coverage.json is not one of its source files', async () => {
    expect(await listSourceFiles([withFile])).toEqual({ files: [path.join(withFile, 'a.csv'), path.join(withFile, 'b.csv')], notIngested: [] });
  });

  it('coverage.json given as a file is refused: it would be read as data', async () => {
    const given = path.join(withFile, 'coverage.json');
    await expect(listSourceFiles([given])).rejects.toThrow(
      new CoverageDeclarationError(`${given} is a coverage declaration, not a source file: give the files or the folder it declares`),
    );
  });
});
