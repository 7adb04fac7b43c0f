import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample, SampleOptionsError, type GenerateSampleResult } from '../../../etl/sample/generate-sample.ts';
import { SAMPLE_INDUSTRY_CLASSES } from '../../../etl/sample/industry-classes.ts';
import { largeEnterprisesPerClass } from '../../../etl/sample/large-enterprises.ts';
import type { SampleManifest } from '../../../etl/sample/sample-manifest.ts';
import { DATASET_NAMES, type DatasetName } from '../../../etl/schemas/dataset-spec.ts';
import { applicationNoCheckDigit } from '../../../etl/schemas/parse/patent-application-no.ts';
import { usccCheckCharacter } from '../../../etl/schemas/parse/uscc.ts';
import { decodeSourceBytes, validateSampleFile, type FileValidation } from './validate-sample-file.ts';

/** The rule codes of etl/schemas that each injected defect must produce, alone. */
const RULES_OF_DEFECT: Record<string, readonly string[]> = {
  bad_uscc_check: ['uscc_check'],
  bad_application_no_check: ['application_no_check'],
  impossible_date: ['date_invalid', 'period_invalid'],
  unknown_city_code: ['city_code_unknown'],
  missing_required: ['required'],
  bad_enum: ['enum_value'],
  negative_amount: ['money_negative', 'money_not_positive'],
  date_order: ['grant_before_application', 'registration_before_application', 'term_end_before_start'],
};

let root: string;
let small: GenerateSampleResult;
let smallAgain: GenerateSampleResult;
let otherSeed: GenerateSampleResult;
let double: GenerateSampleResult;
const validations = new Map<string, FileValidation>();

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

async function digest(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

function manifestFile(manifest: SampleManifest, dataset: DatasetName, index = 0): SampleManifest['datasets'][DatasetName]['files'][number] {
  return manifest.datasets[dataset].files[index]!;
}

async function validated(dataset: DatasetName, relativePath: string): Promise<FileValidation> {
  let result = validations.get(relativePath);
  if (result === undefined) {
    result = await validateSampleFile(small.outDir, dataset, relativePath);
    validations.set(relativePath, result);
  }
  return result;
}

async function acceptedRows(dataset: DatasetName): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const file of small.manifest.datasets[dataset].files) rows.push(...(await validated(dataset, file.path)).accepted);
  return rows;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ipstats-sample-'));
  small = await generateSample({ outDir: path.join(root, 'a'), rowsScale: 0.2 });
  smallAgain = await generateSample({ outDir: path.join(root, 'b'), rowsScale: 0.2 });
  otherSeed = await generateSample({ outDir: path.join(root, 'c'), rowsScale: 0.2, seed: 7 });
  double = await generateSample({ outDir: path.join(root, 'd'), rowsScale: 0.4 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('generateSample: determinism', () => {
  it('writes byte-identical files for the same options', async () => {
    const files = await filesUnder(small.outDir);
    expect(await filesUnder(smallAgain.outDir)).toEqual(files);
    for (const file of files) expect(await digest(path.join(smallAgain.outDir, file)), file).toBe(await digest(path.join(small.outDir, file)));
    expect(smallAgain.bytes).toBe(small.bytes);
  });

  it('writes different data for another seed', async () => {
    for (const file of ['patents/patents_2024.csv', 'pledges/pledges.csv', 'enterprises/enterprises.csv']) {
      expect(await digest(path.join(otherSeed.outDir, file)), file).not.toBe(await digest(path.join(small.outDir, file)));
    }
  });
});

describe('generateSample: what is written', () => {
  it('writes every dataset, cities.json, the manifest and a README', async () => {
    const files = await filesUnder(small.outDir);
    for (const dataset of DATASET_NAMES) {
      expect(files.filter((file) => file.startsWith(`${dataset}${path.sep}`) && file.endsWith('.csv')).length, dataset).toBeGreaterThan(0);
      expect(small.manifest.datasets[dataset].rows, dataset).toBeGreaterThan(0);
    }
    expect(files.filter((file) => !file.includes(path.sep))).toEqual(['.gitattributes', 'README.md', 'SAMPLE-MANIFEST.json', 'cities.json']);
    expect(small.files.length).toBe(files.length);
  });

  it('covers 36 months ending 2025-12 and configures six cities, a municipality first', async () => {
    expect([small.manifest.first_period, small.manifest.last_period]).toEqual(['2023-01', '2025-12']);
    const config = JSON.parse(await readFile(path.join(small.outDir, 'cities.json'), 'utf8')) as { cities: { code: string; programme_start_year: number; base_year?: number; targets?: Record<string, unknown> }[] };
    expect(config.cities.map((city) => city.code)).toEqual(['310000', '440300', '330100', '420100', '510100', '320500']);
    expect(config.cities.map((city) => city.programme_start_year)).toEqual([2024, 2024, 2025, 2024, 2024, 2025]);
    expect(config.cities[1]).toMatchObject({ base_year: 2023, targets: { pledge_amount_cny: { kind: 'growth', value: 0.35 } } });
  });

  it('scales row counts with rowsScale and leaves reference tables alone', () => {
    for (const dataset of ['patents', 'patent_events', 'trademarks', 'trademark_events', 'pledges', 'gi_output', 'tech_contracts', 'programme_records'] as const) {
      const ratio = double.manifest.datasets[dataset].rows / small.manifest.datasets[dataset].rows;
      expect(ratio, dataset).toBeGreaterThan(1.6);
      expect(ratio, dataset).toBeLessThan(2.4);
    }
    // The large enterprises do not scale: every class of every configured city keeps its groups.
    const groups = 6 * SAMPLE_INDUSTRY_CLASSES.reduce((sum, industry) => sum + largeEnterprisesPerClass(industry), 0);
    for (const [dataset, perEnterprise] of [['enterprises', 1], ['enterprise_accounts', 3]] as const) {
      const ratio = (double.manifest.datasets[dataset].rows - groups * perEnterprise) / (small.manifest.datasets[dataset].rows - groups * perEnterprise);
      expect(ratio, dataset).toBeGreaterThan(1.6);
      expect(ratio, dataset).toBeLessThan(2.4);
    }
    for (const dataset of ['gi_products', 'industry_accounts', 'city_accounts', 'patent_intensive_classification'] as const) {
      expect(double.manifest.datasets[dataset].rows, dataset).toBe(small.manifest.datasets[dataset].rows);
    }
  });

  it('refuses a folder holding other files, and replaces an earlier sample whole', async () => {
    const foreign = path.join(root, 'foreign');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'notes.txt'), 'mine');
    await expect(generateSample({ outDir: foreign, rowsScale: 0.05 })).rejects.toThrow(/is not empty and holds no SAMPLE-MANIFEST.json: refusing to write a sample over other files/);
    const again = path.join(root, 'again');
    await generateSample({ outDir: again, rowsScale: 0.05 });
    await writeFile(path.join(again, 'patents', 'stale.csv'), 'application_no\n');
    await generateSample({ outDir: again, rowsScale: 0.05 });
    expect((await readdir(path.join(again, 'patents'))).includes('stale.csv')).toBe(false);
  });

  it('reports bad options as SampleOptionsError with every problem', async () => {
    const attempt = generateSample({ outDir: path.join(root, 'never'), cities: 12, months: 3 });
    await expect(attempt).rejects.toBeInstanceOf(SampleOptionsError);
    await expect(generateSample({ outDir: path.join(root, 'never'), cities: 12, months: 3 })).rejects.toThrow(/cities must be at most 8[\s\S]*months must be at least 13/);
  });
});

describe('generateSample: file variety', () => {
  it('writes GBK that iconv-lite decodes to the Chinese header with the 万元 unit', async () => {
    const file = manifestFile(small.manifest, 'patent_events');
    expect(file).toMatchObject({ encoding: 'gbk', line_ending: 'crlf', header_language: 'zh-Hans' });
    const bytes = await readFile(path.join(small.outDir, file.path));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const header = iconv.decode(bytes, 'gbk').split('\r\n')[0];
    expect(header).toBe('登记号,申请号,事务类型,许可类型,登记生效日,让与方名称,让与方统一社会信用代码,让与方类型,让与方行政区划代码,受让方名称,受让方统一社会信用代码,受让方类型,受让方行政区划代码,受让方是否中小企业,合同金额(万元)');
  });

  it('writes UTF-8 with a BOM, traditional headers, full-width 万元 and Chinese dates where planned', async () => {
    const pledges = await readFile(path.join(small.outDir, manifestFile(small.manifest, 'pledges').path));
    expect([...pledges.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const pledgeText = decodeSourceBytes(pledges);
    expect(pledgeText.split('\r\n')[0]).toContain('担保债权数额（万元）');
    expect(pledgeText).toMatch(/,\d{4}年\d{1,2}月\d{1,2}日,/);
    expect(pledgeText.endsWith('\r\n\r\n')).toBe(true);
    const giProducts = await readFile(path.join(small.outDir, manifestFile(small.manifest, 'gi_products').path), 'utf8');
    expect(giProducts.split('\n')[0]).toBe('地理標誌編號,產品名稱,保護類型,行政區劃代碼,產品類別,批准日,是否實施運用促進工程');
    const giOutput = decodeSourceBytes(await readFile(path.join(small.outDir, manifestFile(small.manifest, 'gi_output').path)));
    expect(giOutput).toMatch(/[０-９]/);
    expect(giOutput).toMatch(/,\d{4}年\d{1,2}月,/);
    expect(giOutput).toMatch(/,"\d{1,3}(,\d{3})+",/);
  });

  it('sends patents as one file per year, alternating date spellings', () => {
    const paths = small.manifest.datasets.patents.files.map((file) => file.path);
    expect(paths.slice(-3)).toEqual(['patents/patents_2023.csv', 'patents/patents_2024.csv', 'patents/patents_2025.csv']);
    expect(small.manifest.datasets.enterprise_accounts.files.map((file) => file.path)).toEqual(['enterprise_accounts/enterprise_accounts_2023.csv', 'enterprise_accounts/enterprise_accounts_2024.csv', 'enterprise_accounts/enterprise_accounts_2025.csv']);
  });

  it('carries the official 2019 classification shipped with ipstats, under its version, not a demonstration', async () => {
    expect(small.manifest.classification).toEqual({ version: '2019', demonstration: false, file: 'patent_intensive_classification/patent_intensive_classification_2019.csv' });
    const rows = await acceptedRows('patent_intensive_classification');
    expect(new Set(rows.map((row) => row['version']))).toEqual(new Set(['2019']));
    expect(rows).toHaveLength(188);
    expect(rows.filter((row) => row['partial'] === true)).toEqual([]);
  });
});

describe('generateSample: bad rows and corrections', () => {
  it('rejects exactly the rows the manifest lists, each for its one defect', async () => {
    let totalBad = 0;
    for (const dataset of DATASET_NAMES) {
      const info = small.manifest.datasets[dataset];
      let datasetBad = 0;
      for (const file of info.files) {
        const result = await validated(dataset, file.path);
        expect(result.rows, file.path).toBe(file.rows);
        expect(result.rejected.map((rejected) => rejected.record), file.path).toEqual(file.bad_rows.map((bad) => bad.record));
        file.bad_rows.forEach((bad, index) => {
          const rules = result.rejected[index]!.rules;
          expect(rules.length, `${file.path} record ${bad.record}`).toBe(1);
          expect(RULES_OF_DEFECT[bad.kind], `${file.path} record ${bad.record}: ${bad.kind} gave ${rules[0]}`).toContain(rules[0]);
        });
        datasetBad += file.bad_rows.length;
      }
      expect(info.bad_rows, dataset).toBe(datasetBad);
      expect(info.valid_rows, dataset).toBe(info.rows - datasetBad);
      totalBad += datasetBad;
    }
    expect(totalBad / Object.values(small.manifest.datasets).reduce((sum, info) => sum + info.rows, 0)).toBeLessThan(0.01);
  });

  it('sprinkles every kind of defect somewhere, about one row in 200 of the big datasets', () => {
    const kinds = new Set(DATASET_NAMES.flatMap((dataset) => Object.keys(small.manifest.datasets[dataset].bad_rows_by_kind)));
    expect([...kinds].sort()).toEqual(Object.keys(RULES_OF_DEFECT).sort());
    expect(small.manifest.datasets.patents.bad_rows).toBe(Math.round(small.manifest.datasets.patents.rows * 0.005));
    expect(small.manifest.datasets.gi_products.bad_rows).toBe(0);
  });

  it('re-sends a few technology contracts in a later correction file with changed turnover', async () => {
    const superseded = small.manifest.datasets.tech_contracts.superseded_keys;
    expect(superseded.length).toBeGreaterThanOrEqual(3);
    const { original_file: originalFile, correction_file: correctionFile } = superseded[0]!;
    expect(correctionFile).toBe('tech_contracts/tech_contracts_2025_correction.csv');
    // Ingestion takes a folder's files in path order: the correction must come last.
    expect([correctionFile, originalFile].sort()).toEqual([originalFile, correctionFile]);
    const originals = new Map((await validated('tech_contracts', originalFile)).accepted.map((row) => [row['contract_id'], row]));
    const corrections = (await validated('tech_contracts', correctionFile)).accepted;
    expect(corrections.map((row) => row['contract_id'])).toEqual(superseded.map((entry) => entry.key));
    for (const row of corrections) {
      const original = originals.get(row['contract_id'])!;
      expect(row['turnover_cny'] as bigint).toBeGreaterThan(original['turnover_cny'] as bigint);
      expect(row['registration_date']).toBe(original['registration_date']);
    }
  });
});

describe('generateSample: consistency and realism', () => {
  it('writes identifiers with valid check characters', async () => {
    const enterprises = await acceptedRows('enterprises');
    expect(enterprises.length).toBeGreaterThan(100);
    for (const row of enterprises) {
      const uscc = row['uscc'] as string;
      expect(uscc[17]).toBe(usccCheckCharacter(uscc.slice(0, 17)));
    }
    for (const row of await acceptedRows('patents')) {
      const [digits, check] = (row['application_no'] as string).split('.');
      expect(check).toBe(applicationNoCheckDigit(digits!));
    }
  });

  it('links events to generated patents, accounts to registered enterprises, output to GI products', async () => {
    const patents = new Set((await acceptedRows('patents')).map((row) => row['application_no']));
    const events = await acceptedRows('patent_events');
    // An event may name a patent whose own row was made bad on purpose, never an invented one.
    const unknown = events.filter((row) => !patents.has(row['application_no']));
    expect(unknown.length).toBeLessThanOrEqual(small.manifest.datasets.patents.bad_rows);
    const register = new Set((await acceptedRows('enterprises')).map((row) => row['uscc']));
    const accounts = await acceptedRows('enterprise_accounts');
    expect(accounts.filter((row) => !register.has(row['uscc'])).length).toBeLessThanOrEqual(small.manifest.datasets.enterprises.bad_rows * 3);
    const products = new Set((await acceptedRows('gi_products')).map((row) => row['gi_id']));
    const output = await acceptedRows('gi_output');
    expect(output.filter((row) => !products.has(row['gi_id'])).length).toBe(small.manifest.quirks.gi_output.unknown_gi_id_rows);
    expect(output.filter((row) => row['uses_special_mark'] === false).length).toBe(small.manifest.quirks.gi_output.without_special_mark_rows);
    expect(small.manifest.quirks.gi_output.unknown_gi_id_rows).toBeGreaterThanOrEqual(2);
    expect(small.manifest.quirks.gi_output.without_special_mark_rows).toBeGreaterThan(0);
  });

  it('has universities transferring patents to SMEs, and deals with unconfigured cities', async () => {
    const events = await acceptedRows('patent_events');
    expect(events.filter((row) => row['from_type'] === 'university' && row['to_is_sme'] === true).length).toBeGreaterThan(20);
    const configured = new Set(small.manifest.configured_cities.map((city) => city.code));
    expect(events.filter((row) => !configured.has(row['from_city_code'] as string)).length).toBeGreaterThan(10);
    expect(new Set(events.map((row) => row['event_type']))).toEqual(new Set(['transfer', 'licence']));
  });

  it('has every kind of programme record and mostly, not only, patent contracts', async () => {
    const kinds = new Set((await acceptedRows('programme_records')).map((row) => row['kind']));
    expect([...kinds].sort()).toEqual(['ip_custody', 'ip_management_certification', 'operation_centre', 'patent_navigation', 'securitization', 'service_platform']);
    // Certification reaches new entities month after month (a renewal now and then), so cumulative distinct counts grow.
    const certified = (await acceptedRows('programme_records')).filter((row) => row['kind'] === 'ip_management_certification').map((row) => row['entity_name']);
    const repeats = certified.length - new Set(certified).size;
    expect(repeats / certified.length).toBeGreaterThan(0.03);
    expect(repeats / certified.length).toBeLessThan(0.2);
    const contracts = await acceptedRows('tech_contracts');
    const patentShare = contracts.filter((row) => row['ip_kind'] === 'patent').length / contracts.length;
    expect(patentShare).toBeGreaterThan(0.5);
    expect(patentShare).toBeLessThan(0.75);
  });

  it('grows year on year, dips in February and peaks in December', async () => {
    const patents = (await acceptedRows('patents')).map((row) => row['application_date'] as string).filter((date) => date >= '2023');
    const perMonth = (month: string): number => patents.filter((date) => date.slice(5, 7) === month).length;
    expect(perMonth('02')).toBeLessThan(perMonth('01'));
    expect(perMonth('12')).toBeGreaterThan(perMonth('11'));
    const perYear = (year: string): number => patents.filter((date) => date.startsWith(year)).length;
    expect(perYear('2025')).toBeGreaterThan(perYear('2023'));
    const pledges = (await acceptedRows('pledges')).map((row) => row['registration_date'] as string);
    expect(pledges.filter((date) => date.startsWith('2025')).length).toBeGreaterThan(pledges.filter((date) => date.startsWith('2023')).length);
  });

  it('gives pledges amounts from a hundred 万元 up to hundreds of millions', async () => {
    const amounts = (await acceptedRows('pledges')).map((row) => row['secured_amount_cny'] as bigint);
    expect(amounts.every((fen) => fen >= 100_000_000n && fen <= 50_000_000_000n)).toBe(true);
    expect(amounts.some((fen) => fen >= 5_000_000_000n)).toBe(true);
  });
});
