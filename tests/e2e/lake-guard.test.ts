/**
 * A lake remembers what it was built for (lake.json): the shipped sample and a user's data are
 * never mixed in one lake. Through the CLI, as an operator meets it: `npm start` into the default
 * out/lake, then a run of their own data; a user lake that the sample would be run into; the
 * next month's delivery in a new folder; and lakes made before lake.json, adopted with a note.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { E2E_CONFIG, E2E_INPUT_DIR, fixtureRunArgs, PROJECT_ROOT, runCli, type CliResult } from './support/run-cli.ts';

const SAMPLE_DIR = `${PROJECT_ROOT}samples/default`;
const SAMPLE_SOURCE_FILES = 27;
/** The sample's files but its classification: the official table, the same file in every lake (default-classification.ts). */
const SAMPLE_OWN_FILES = SAMPLE_SOURCE_FILES - 1;

let work: string;
const results: Record<string, CliResult> = {};
const sampleManifests: Record<'before' | 'after', string[]> = { before: [], after: [] };
const records: Record<string, unknown> = {};

async function manifestsOf(lake: string): Promise<string[]> {
  const root = path.join(lake, 'manifests');
  const datasets = await readdir(root);
  const keys = await Promise.all(datasets.map(async (dataset) => (await readdir(path.join(root, dataset))).map((name) => `${dataset}/${name}`)));
  return keys.flat().sort();
}

async function lakeRecord(lake: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(lake, 'lake.json'), 'utf8')) as Record<string, unknown>;
}

/** `npm start` in a fresh working folder, then the operator's own data into the same default lake. */
async function sampleLakeStory(): Promise<void> {
  const cwd = path.join(work, 'project');
  await mkdir(cwd);
  results['npmStart'] = await runCli(['run'], { cwd });
  const lake = path.join(cwd, 'out', 'lake');
  records['sample'] = await lakeRecord(lake);
  records['samplePublishedFrom'] = JSON.parse(await readFile(path.join(cwd, 'out', 'published-from.json'), 'utf8'));
  const reportsBefore = await readdir(path.join(cwd, 'out', 'reports'), { recursive: true });
  // A lake of their own, but the reports into the sample's default out/.
  results['userLakeIntoSampleOut'] = await runCli(['run', '--input', E2E_INPUT_DIR, '--config', E2E_CONFIG, '--lake', 'mylake', '--period', '2025-06'], { cwd });
  records['userLakeCreated'] = existsSync(path.join(cwd, 'mylake'));
  records['sampleReportsKept'] = (await readdir(path.join(cwd, 'out', 'reports'), { recursive: true })).sort().join('\n') === reportsBefore.sort().join('\n');
  // The same output folder as it was before published-from.json existed: the lake inside it is its lake.
  await rm(path.join(cwd, 'out', 'published-from.json'));
  results['userLakeIntoOldSampleOut'] = await runCli(['run', '--input', E2E_INPUT_DIR, '--config', E2E_CONFIG, '--lake', 'mylake', '--period', '2025-06'], { cwd });
  results['sampleReportIntoOldSampleOut'] = await runCli(['report', '--city', '440300'], { cwd });
  records['sampleOutAdopted'] = JSON.parse(await readFile(path.join(cwd, 'out', 'published-from.json'), 'utf8'));
  sampleManifests.before = await manifestsOf(lake);
  results['userIntoSample'] = await runCli(['run', '--input', E2E_INPUT_DIR, '--config', E2E_CONFIG], { cwd });
  results['userIngestIntoSample'] = await runCli(['ingest', 'pledges', path.join(E2E_INPUT_DIR, 'pledges')], { cwd });
  sampleManifests.after = await manifestsOf(lake);
  // The same lake as it was before lake.json existed.
  await rm(path.join(lake, 'lake.json'));
  results['userIntoOldSample'] = await runCli(['run', '--input', E2E_INPUT_DIR, '--config', E2E_CONFIG], { cwd });
  records['oldSampleAfterRefusal'] = existsSync(path.join(lake, 'lake.json'));
  results['sampleIntoOldSample'] = await runCli(['ingest', 'gi_products', path.join(SAMPLE_DIR, 'gi_products')], { cwd });
  records['oldSampleAdopted'] = await lakeRecord(lake);
}

/** A lake of the operator's data: the sample is refused, the next delivery in a new folder is not. */
async function userLakeStory(): Promise<void> {
  const lake = path.join(work, 'user', 'lake');
  const out = path.join(work, 'user', 'out');
  results['userRun'] = await runCli(fixtureRunArgs(lake, out, '--period', '2025-06'));
  records['user'] = await lakeRecord(lake);
  records['userPublishedFrom'] = JSON.parse(await readFile(path.join(out, 'published-from.json'), 'utf8'));
  results['userReportDefaultConfig'] = await runCli(['report', '--city', '440300', '--lake', lake, '--out', out, '--period', '2025-06']);
  results['userReport'] = await runCli(['report', '--city', '440300', '--lake', lake, '--out', out, '--period', '2025-06', '--config', E2E_CONFIG]);
  results['sampleIntoUser'] = await runCli(['run', '--lake', lake, '--out', out]);
  results['sampleIngestIntoUser'] = await runCli(['ingest', 'gi_products', path.join(SAMPLE_DIR, 'gi_products'), '--lake', lake]);
  // Next month's delivery in a folder of its own, with the same cities in a configuration file at another path.
  const delivery = path.join(work, 'delivery-2025-07');
  await cp(path.join(E2E_INPUT_DIR, 'pledges'), path.join(delivery, 'pledges'), { recursive: true });
  const config = path.join(work, 'config', 'cities.json');
  await mkdir(path.dirname(config));
  await cp(E2E_CONFIG, config);
  results['nextDelivery'] = await runCli(['run', '--input', delivery, '--config', config, '--lake', lake, '--out', out, '--period', '2025-06']);
  records['userAfterNextDelivery'] = await lakeRecord(lake);
  await rm(path.join(lake, 'lake.json'));
  results['oldUserLake'] = await runCli(['ingest', 'pledges', path.join(delivery, 'pledges'), '--lake', lake]);
  records['oldUserAdopted'] = await lakeRecord(lake);
}

beforeAll(async () => {
  work = await tempDir('lake-guard');
  await mkdir(path.join(work, 'lake-damaged'));
  await writeFile(path.join(work, 'lake-damaged', 'lake.json'), JSON.stringify({ schema_version: 1, built_for: 'demo', origin: 'created', written_by: 'ipstats run', written_at: '2025-07-05T02:00:00.000Z', inputs: ['/data'], config: null }));
  const usage = {
    damaged: ['ingest', 'gi_products', path.join(E2E_INPUT_DIR, 'gi_products'), '--lake', path.join(work, 'lake-damaged')],
    defaultConfig: ['run', '--input', E2E_INPUT_DIR, '--lake', path.join(work, 'lake-default-config'), '--out', path.join(work, 'out-default-config')],
    mixedIngest: ['ingest', 'gi_products', path.join(SAMPLE_DIR, 'gi_products'), path.join(E2E_INPUT_DIR, 'gi_products'), '--lake', path.join(work, 'lake-mixed')],
    runHelp: ['run', '--help'],
  };
  const [, , ...usageResults] = await Promise.all([sampleLakeStory(), userLakeStory(), ...Object.values(usage).map((args) => runCli(args))]);
  Object.keys(usage).forEach((name, index) => (results[name] = usageResults[index]!));
}, 240_000);

describe('a new lake records what it was built for (lake.json)', () => {
  it('npm start: the shipped sample, from samples/default and its cities.json', () => {
    expect(results['npmStart']!.exitCode).toBe(0);
    expect(results['npmStart']!.stderr).toBe('');
    expect(records['sample']).toEqual({
      schema_version: 1,
      built_for: 'sample',
      origin: 'created',
      written_by: 'ipstats run',
      written_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      inputs: [SAMPLE_DIR],
      config: `${SAMPLE_DIR}/cities.json`,
    });
  });

  it("a run of the operator's data: user, from its input folder and configuration", () => {
    expect(results['userRun']!.exitCode).toBe(0);
    expect(results['userRun']!.stderr).toBe('');
    expect(records['user']).toMatchObject({ built_for: 'user', origin: 'created', written_by: 'ipstats run', inputs: [E2E_INPUT_DIR], config: E2E_CONFIG });
  });
});

describe("the operator's data into the sample's lake is refused (exit status 2), and nothing is ingested", () => {
  it('ipstats run --input … --config … after npm start, into the default out/lake', () => {
    const record = records['sample'] as { written_at: string };
    expect([results['userIntoSample']!.exitCode, results['userIntoSample']!.stdout, results['userIntoSample']!.stderr]).toEqual([
      2,
      '',
      `ipstats: the lake out/lake was built for the shipped sample (lake.json: built by ipstats run from ${SAMPLE_DIR} on ${record.written_at}): ` +
        `ingesting ${E2E_INPUT_DIR} into it would mix your data with the sample's made-up rows. ` +
        'Give your data a lake of its own with --lake <new folder> (and --out <new folder> for its reports), or remove out/ to start again\n',
    ]);
  });

  it('ipstats ingest of the same files', () => {
    const record = records['sample'] as { written_at: string };
    expect([results['userIngestIntoSample']!.exitCode, results['userIngestIntoSample']!.stderr]).toEqual([
      2,
      `ipstats: the lake out/lake was built for the shipped sample (lake.json: built by ipstats run from ${SAMPLE_DIR} on ${record.written_at}): ` +
        `ingesting ${E2E_INPUT_DIR}/pledges into it would mix your data with the sample's made-up rows. ` +
        'Give your data a lake of its own with --lake <new folder>, or remove out/ to start again\n',
    ]);
  });

  it("the sample's lake holds the same source files as before", () => {
    expect(sampleManifests.before).toHaveLength(SAMPLE_SOURCE_FILES);
    expect(sampleManifests.after).toEqual(sampleManifests.before);
  });
});

describe("the shipped sample into the operator's lake is refused (exit status 2)", () => {
  it('ipstats run with the default input', () => {
    const lake = path.join(work, 'user', 'lake');
    const record = records['user'] as { written_at: string };
    expect([results['sampleIntoUser']!.exitCode, results['sampleIntoUser']!.stdout, results['sampleIntoUser']!.stderr]).toEqual([
      2,
      '',
      `ipstats: the lake ${lake} was built for your data (lake.json: built by ipstats run from ${E2E_INPUT_DIR} on ${record.written_at}): ` +
        "ingesting the shipped sample into it would mix the sample's made-up rows with your data. " +
        'Put the sample in a lake of its own: ipstats run --lake <new folder> --out <new folder>\n',
    ]);
  });

  it("ipstats ingest of a sample's folder", () => {
    const lake = path.join(work, 'user', 'lake');
    const record = records['user'] as { written_at: string };
    expect([results['sampleIngestIntoUser']!.exitCode, results['sampleIngestIntoUser']!.stderr]).toEqual([
      2,
      `ipstats: the lake ${lake} was built for your data (lake.json: built by ipstats run from ${E2E_INPUT_DIR} on ${record.written_at}): ` +
        "ingesting the shipped sample into it would mix the sample's made-up rows with your data. " +
        'Put the sample in a lake of its own: ipstats ingest … --lake <new folder>\n',
    ]);
  });
});

describe("the operator's lake takes the next delivery", () => {
  it('from a new input folder, with a configuration of the same cities at another path; lake.json stays as first written', () => {
    expect(results['nextDelivery']!.exitCode).toBe(0);
    expect(results['nextDelivery']!.stderr).toBe('');
    expect(results['nextDelivery']!.stdout.split('\n')[0]).toBe(`ingested 0 new file(s) (2 already in the lake): 0 rows read, 0 rejected (see ${path.join(work, 'user', 'lake')}/rejects/)`);
    expect(records['userAfterNextDelivery']).toEqual(records['user']);
  });
});

describe('an output folder remembers the lake its reports come from (published-from.json)', () => {
  it('npm start: the lake inside it; a run of the operator\'s data: its lake, relative to the output folder', () => {
    expect(records['samplePublishedFrom']).toEqual({ schema_version: 1, lake: 'lake', written_at: expect.stringMatching(/Z$/) });
    expect(records['userPublishedFrom']).toMatchObject({ lake: '../lake' });
  });

  it("a lake of the operator's own with the reports into the sample's out/: refused (exit status 2), nothing written", () => {
    const out = path.join(work, 'project', 'out');
    const written = (records['samplePublishedFrom'] as { written_at: string }).written_at;
    expect([results['userLakeIntoSampleOut']!.exitCode, results['userLakeIntoSampleOut']!.stdout, results['userLakeIntoSampleOut']!.stderr]).toEqual([
      2,
      '',
      `ipstats: the output out holds the reports of the lake ${out}/lake (published-from.json, ${written}): publishing the reports of the lake ${path.join(work, 'project', 'mylake')} there would replace that lake's reports of the same cities and months, and every revision (修订说明) would compare with its figures. ` +
        `Give these reports a folder of their own with --out <new folder>; if ${path.join(work, 'project', 'mylake')} is that lake moved, remove ${out}/published-from.json\n`,
    ]);
    expect(records['userLakeCreated']).toBe(false);
    expect(records['sampleReportsKept']).toBe(true);
  });

  it('an output folder made before published-from.json belongs to the lake inside it: the operator\'s lake is refused, the sample\'s report adopts it with a note', () => {
    expect(results['userLakeIntoOldSampleOut']!.exitCode).toBe(2);
    expect(results['userLakeIntoOldSampleOut']!.stderr).toContain('(made before published-from.json; the lake inside it)');
    expect(results['sampleReportIntoOldSampleOut']!.exitCode).toBe(0);
    expect(results['sampleReportIntoOldSampleOut']!.stderr).toBe('warning: output folder made before published-from.json adopted out=out lake=lake\n');
    expect(records['sampleOutAdopted']).toMatchObject({ lake: 'lake' });
  });

  it("ipstats report on the operator's lake without --config is refused (exit status 2); with it, the report is written", () => {
    const lake = path.join(work, 'user', 'lake');
    expect([results['userReportDefaultConfig']!.exitCode, results['userReportDefaultConfig']!.stdout, results['userReportDefaultConfig']!.stderr]).toEqual([
      2,
      '',
      `ipstats: the lake ${lake} holds your data, and without --config the configuration is the sample's (${SAMPLE_DIR}/cities.json: its cities and made-up targets): give your city configuration with --config <file> (it was first built with ${E2E_CONFIG})\n`,
    ]);
    expect([results['userReport']!.exitCode, results['userReport']!.stderr]).toEqual([0, '']);
  });
});

describe('a lake made before lake.json is adopted, with a one-line note', () => {
  it("one holding the sample's files is the sample's: the operator's run is refused, and lake.json is not written", () => {
    expect([results['userIntoOldSample']!.exitCode, results['userIntoOldSample']!.stderr]).toEqual([
      2,
      `warning: lake made before lake.json adopted lake=out/lake built_for=sample source_files=${SAMPLE_SOURCE_FILES} sample_files=${SAMPLE_OWN_FILES}\n` +
        `ipstats: the lake out/lake was built for the shipped sample (it was made before lake.json, and ${SAMPLE_OWN_FILES} of its ${SAMPLE_SOURCE_FILES} source files are the shipped sample's): ` +
        `ingesting ${E2E_INPUT_DIR} into it would mix your data with the sample's made-up rows. ` +
        'Give your data a lake of its own with --lake <new folder> (and --out <new folder> for its reports), or remove out/ to start again\n',
    ]);
    expect(records['oldSampleAfterRefusal']).toBe(false);
  });

  it('the sample into it is taken, and lake.json is written as adopted', () => {
    expect(results['sampleIntoOldSample']!.exitCode).toBe(0);
    expect(results['sampleIntoOldSample']!.stderr).toBe(`warning: lake made before lake.json adopted lake=out/lake built_for=sample source_files=${SAMPLE_SOURCE_FILES} sample_files=${SAMPLE_OWN_FILES}\n`);
    expect(records['oldSampleAdopted']).toMatchObject({ built_for: 'sample', origin: 'adopted', written_by: 'ipstats ingest', inputs: [`${SAMPLE_DIR}/gi_products`], config: null });
  });

  it("one without any of the sample's files is the operator's", () => {
    const lake = path.join(work, 'user', 'lake');
    expect(results['oldUserLake']!.exitCode).toBe(0);
    expect(results['oldUserLake']!.stderr).toBe(`warning: lake made before lake.json adopted lake=${lake} built_for=user source_files=10 sample_files=0\n`);
    expect(records['oldUserAdopted']).toMatchObject({ built_for: 'user', origin: 'adopted', written_by: 'ipstats ingest', inputs: [path.join(work, 'delivery-2025-07', 'pledges')], config: null });
  });
});

describe('usage that would mix demo defaults with data (exit status 2, no lake created)', () => {
  it("run --input of one's own without --config: the sample's configuration is not used for it", () => {
    expect([results['defaultConfig']!.exitCode, results['defaultConfig']!.stderr]).toEqual([
      2,
      `ipstats: --input ${E2E_INPUT_DIR} is not the shipped sample, and without --config the configuration is the sample's (${SAMPLE_DIR}/cities.json: its cities and made-up targets): ` +
        'give your city configuration with --config <file>\n',
    ]);
    expect(existsSync(path.join(work, 'lake-default-config'))).toBe(false);
  });

  it('ingest given sample files and other files at once', () => {
    expect([results['mixedIngest']!.exitCode, results['mixedIngest']!.stderr]).toEqual([
      2,
      `ipstats: the paths given mix the shipped sample (${SAMPLE_DIR}/gi_products) with other files (${E2E_INPUT_DIR}/gi_products): ingest them into separate lakes, each with its own --lake\n`,
    ]);
    expect(existsSync(path.join(work, 'lake-mixed'))).toBe(false);
  });
});

describe('a damaged lake.json', () => {
  it('stops the command with exit status 2, naming the file and the field, and nothing is ingested', () => {
    const lake = path.join(work, 'lake-damaged');
    expect([results['damaged']!.exitCode, results['damaged']!.stderr]).toEqual([
      2,
      `ipstats: ${lake}/lake.json: $.built_for: Invalid option: expected one of "sample"|"user"; restore it, or remove it to have the lake adopted again\n`,
    ]);
    expect(existsSync(path.join(lake, 'manifests'))).toBe(false);
  });
});

describe('ipstats run --help', () => {
  it('states every default: input, lake, out and config', () => {
    const help = results['runHelp']!.stdout.replace(/\s+/g, ' ');
    expect(results['runHelp']!.exitCode).toBe(0);
    expect(help).toContain(
      ' --input <dir> folder with one sub-folder per dataset (default: the shipped sample samples/default, replayed as two deliveries: the month before the report month is published before its correction file arrives) ',
    );
    expect(help).toContain(
      ' --lake <dir> lake folder or s3://bucket/prefix; it remembers whether it holds the shipped sample or your data (lake.json), and the two are never mixed (default: "out/lake") ',
    );
    expect(help).toContain(' --out <dir> output folder (reports/…) or s3://bucket/prefix (default: "out") ');
    expect(help).toContain(" --config <file> city configuration (JSON or YAML); required with an --input of your own (default: the sample's samples/default/cities.json) ");
  });
});
