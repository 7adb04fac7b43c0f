/**
 * `generateSample`: writes a complete, deterministic set of synthetic source extracts for every
 * dataset of the data contract, the city configuration and SAMPLE-MANIFEST.json. This is what
 * `ipstats sample` calls.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DATASET_NAMES, type DatasetName } from '../schemas/dataset-spec.ts';
import { techContractCorrection, type SupersededKey } from './correction-file.ts';
import { encodeCsv, renderCsvText, type SampleRecord } from './csv-rendering.ts';
import { DATASET_DEFECTS } from './dataset-defects.ts';
import { generateClassification } from './datasets/classification.ts';
import { generateEnterpriseAccounts, generateEnterprises, registerLargeEnterprises } from './datasets/enterprise-register.ts';
import { generateGeographicIndications } from './datasets/geographic-indications.ts';
import { generateIpEvents } from './datasets/ip-events.ts';
import { generateLargeEnterprisePatents } from './datasets/large-enterprise-patents.ts';
import { generatePatents, patentSubjects } from './datasets/patents.ts';
import { generatePledges } from './datasets/pledges.ts';
import { generateProgrammeRecords } from './datasets/programme-records.ts';
import { generateCityAccounts, generateIndustryAccounts } from './datasets/statistics-accounts.ts';
import { generateTechContracts } from './datasets/tech-contracts.ts';
import { generateTrademarks, trademarkSubjects } from './datasets/trademarks.ts';
import { OFFICIAL_CLASSIFICATION_VERSION } from '../classification/official-classification.ts';
import { injectDefects } from './inject-defects.ts';
import { isoPeriod } from './sample-calendar.ts';
import { sampleCityConfig } from './sample-city-config.ts';
import { planSampleFiles, type GeneratedRecords, type PlannedFile } from './sample-files.ts';
import { SerialCounter } from './sample-identifiers.ts';
import { manifestDataset, type ManifestDataset, type SampleManifest } from './sample-manifest.ts';
import { SampleOptionsSchema, type SampleOptionsInput } from './sample-options.ts';
import { buildSampleWorld, type SampleWorld } from './sample-world.ts';
import { SAMPLE_SOURCE_COLUMNS } from './source-columns.ts';

export const SAMPLE_MANIFEST_FILE = 'SAMPLE-MANIFEST.json';
export const SAMPLE_CITY_CONFIG_FILE = 'cities.json';
const SAMPLE_README_FILE = 'README.md';
/** Keeps git from normalising line endings: CRLF and GBK bytes are part of what the sample tests. */
const SAMPLE_GITATTRIBUTES_FILE = '.gitattributes';

/** The options were refused; the message lists every problem. */
export class SampleOptionsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SampleOptionsError';
  }
}

export interface GenerateSampleResult {
  readonly outDir: string;
  readonly manifest: SampleManifest;
  /** Paths written, relative to outDir, in writing order. */
  readonly files: readonly string[];
  readonly bytes: number;
}

function padded(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

interface SampleRecords {
  readonly records: GeneratedRecords;
  /** Rows of the large enterprises: never made bad on purpose (see injectDefects). */
  readonly sheltered: ReadonlySet<SampleRecord>;
}

function generateRecords(world: SampleWorld): SampleRecords {
  const patents = generatePatents(world);
  const largePatents = generateLargeEnterprisePatents(world);
  const enterprises = generateEnterprises(world);
  const accounts = generateEnterpriseAccounts(world);
  const trademarks = generateTrademarks(world);
  const gi = generateGeographicIndications(world);
  const patentEventIds = new SerialCounter(world.random.fork('patent_event_ids'), [10_000, 90_000], 5);
  const trademarkEventIds = new SerialCounter(world.random.fork('trademark_event_ids'), [1_000, 9_000], 5);
  const records: GeneratedRecords = {
    // The large enterprises' patents come after the ordinary ones, at the end of each year's file.
    patents: [...patents, ...largePatents].map((patent) => patent.record),
    patent_events: generateIpEvents(world, {
      topic: 'patent_events',
      subjectColumn: 'application_no',
      dealsPerCityMonth: 10,
      subjects: patentSubjects(patents),
      // Licence recordals are numbered like CNIPA's (X2023980012345); transfers get a register number.
      eventId: (kind, year) => (kind === 'licence' ? `X${year}98${padded(patentEventIds.take(`X${year}`), 7)}` : `ZY${year}${padded(patentEventIds.take(`ZY${year}`), 7)}`),
      subjectText: (random, subject) => (random.chance(0.1) ? 'CN' : '') + subject.id,
    }),
    trademarks: trademarks.map((mark) => mark.record),
    trademark_events: generateIpEvents(world, {
      topic: 'trademark_events',
      subjectColumn: 'registration_no',
      dealsPerCityMonth: 5,
      subjects: trademarkSubjects(trademarks),
      eventId: (kind, year) => `${kind === 'licence' ? 'SX' : 'SZ'}${year}${padded(trademarkEventIds.take(`${kind}${year}`), 6)}`,
      subjectText: (_random, subject) => subject.id,
    }),
    pledges: generatePledges(world, [...patents, ...largePatents]),
    gi_products: gi.products,
    gi_output: gi.output,
    enterprises,
    enterprise_accounts: accounts,
    industry_accounts: generateIndustryAccounts(world),
    city_accounts: generateCityAccounts(world),
    tech_contracts: generateTechContracts(world),
    programme_records: generateProgrammeRecords(world),
    patent_intensive_classification: generateClassification(),
  };
  const large = new Set(registerLargeEnterprises(world).map((enterprise) => enterprise.uscc));
  const ofLarge = (record: SampleRecord): boolean => large.has(record['uscc'] as string);
  const sheltered = new Set([...largePatents.map((patent) => patent.record), ...enterprises.filter(ofLarge), ...accounts.filter(ofLarge)]);
  return { records, sheltered };
}

/** Refuses to write into a folder that holds something other than an earlier sample, whose dataset folders it replaces. */
async function prepareOutDir(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const entries = await readdir(outDir);
  if (entries.length > 0 && !entries.includes(SAMPLE_MANIFEST_FILE)) {
    throw new Error(`sample folder ${outDir} is not empty and holds no ${SAMPLE_MANIFEST_FILE}: refusing to write a sample over other files (choose an empty or new folder)`);
  }
  for (const name of [...DATASET_NAMES, SAMPLE_MANIFEST_FILE, SAMPLE_CITY_CONFIG_FILE, SAMPLE_README_FILE, SAMPLE_GITATTRIBUTES_FILE]) {
    await rm(path.join(outDir, name), { recursive: true, force: true });
  }
}

/** Valid rows that the GI statistics must leave out, counted on the final rows. */
function giQuirks(records: GeneratedRecords, badRecords: ReadonlySet<SampleRecord>): SampleManifest['quirks']['gi_output'] {
  const productIds = new Set(records.gi_products.map((product) => product['gi_id']));
  const valid = records.gi_output.filter((record) => !badRecords.has(record));
  return {
    unknown_gi_id_rows: valid.filter((record) => !productIds.has(record['gi_id'])).length,
    without_special_mark_rows: valid.filter((record) => record['uses_special_mark'] === false).length,
  };
}

function readme(manifest: SampleManifest): string {
  return [
    '# Synthetic ipstats sample (generated — do not edit by hand)',
    '',
    `Generated by \`ipstats sample\` with seed ${manifest.options.seed}: ${manifest.options.cities} configured cities, ${manifest.options.months} months ending ${manifest.options.end_period}, rows scale ${manifest.options.rows_scale}.`,
    'Every name, code and figure is synthetic, except the patent-intensive classification: the official',
    `2019 table (version ${OFFICIAL_CLASSIFICATION_VERSION}, 188 classes) that ipstats ships (etl/reference/patent_intensive_2019.SOURCE.md).`,
    `See docs/sample-data.md for what the sample contains and ${SAMPLE_MANIFEST_FILE} for the deliberately bad rows.`,
    '',
  ].join('\n');
}

export async function generateSample(input: SampleOptionsInput): Promise<GenerateSampleResult> {
  const parsed = SampleOptionsSchema.safeParse(input);
  if (!parsed.success) throw new SampleOptionsError(`invalid sample options:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  const options = parsed.data;
  const world = buildSampleWorld(options);
  const { records, sheltered } = generateRecords(world);
  const plannedFiles = planSampleFiles(records);

  const files: PlannedFile[] = [];
  const datasets = {} as Record<DatasetName, ManifestDataset>;
  const badRecords = new Set<SampleRecord>();
  for (const dataset of DATASET_NAMES) {
    const datasetFiles = plannedFiles.filter((file) => file.dataset === dataset);
    const injection = injectDefects(datasetFiles, DATASET_DEFECTS[dataset], world.random.fork(`defects:${dataset}`), sheltered);
    injection.badRecords.forEach((record) => badRecords.add(record));
    const correction = dataset === 'tech_contracts' ? techContractCorrection(datasetFiles, injection.badRecords, world.random.fork('correction')) : null;
    const allFiles = correction === null ? datasetFiles : [...datasetFiles, correction.file];
    const superseded: readonly SupersededKey[] = correction?.superseded ?? [];
    files.push(...allFiles);
    datasets[dataset] = manifestDataset(
      allFiles.map((file) => ({ path: file.path, encoding: file.format.encoding, line_ending: file.format.lineEnding, header_language: file.format.headerLanguage, rows: file.records.length })),
      injection.defects,
      superseded,
    );
  }

  const first = world.months[0]!;
  const last = world.months[world.months.length - 1]!;
  const classificationFile = files.find((file) => file.dataset === 'patent_intensive_classification')!;
  const manifest: SampleManifest = {
    generator: 'ipstats sample',
    options: { cities: options.cities, months: options.months, rows_scale: options.rowsScale, seed: options.seed, end_period: options.endPeriod },
    first_period: isoPeriod(first.year, first.month),
    last_period: isoPeriod(last.year, last.month),
    configured_cities: world.configured.map(({ city }) => ({ code: city.code, name: city.name })),
    classification: { version: OFFICIAL_CLASSIFICATION_VERSION, demonstration: false, file: classificationFile.path },
    datasets,
    quirks: { gi_output: giQuirks(records, badRecords) },
  };

  const outDir = path.resolve(options.outDir);
  await prepareOutDir(outDir);
  const written: string[] = [];
  let bytes = 0;
  const write = async (relativePath: string, content: Buffer | string): Promise<void> => {
    const target = path.join(outDir, ...relativePath.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    written.push(relativePath);
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  };
  for (const file of files) {
    const text = renderCsvText(SAMPLE_SOURCE_COLUMNS[file.dataset], file.records, file.format, world.random.fork(`render:${file.path}`));
    await write(file.path, encodeCsv(text, file.format.encoding));
  }
  await write(SAMPLE_CITY_CONFIG_FILE, JSON.stringify(sampleCityConfig(world), null, 2) + '\n');
  await write(SAMPLE_MANIFEST_FILE, JSON.stringify(manifest, null, 2) + '\n');
  await write(SAMPLE_README_FILE, readme(manifest));
  await write(SAMPLE_GITATTRIBUTES_FILE, '* -text\n');
  return { outDir, manifest, files: written, bytes };
}
