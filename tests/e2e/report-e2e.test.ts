/**
 * `ipstats run` on the hand-computed fixture (tests/fixtures/e2e, arithmetic in EXPECTED.md):
 * the real CLI in a child process, the real ingestion, views and report assembly, and every
 * figure of both cities' report.json checked against the hand computation.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { validateWrittenReports } from '../support/validate-written-reports.ts';
import { SHANGHAI_DATA_QUALITY, SHANGHAI_GI_OUTPUT, SHANGHAI_INDICATORS, SHENZHEN_DATA_QUALITY, SHENZHEN_GI_OUTPUT, SHENZHEN_INDICATORS, SHENZHEN_SELF_EVALUATION } from './expected-figures.ts';
import { fixtureRunArgs, runCli, type CliResult } from './support/run-cli.ts';
import { trendMonths, trendValues } from './trend-series.ts';

const INDICATOR_IDS = Object.keys(SHENZHEN_INDICATORS);
const GENERATED_AT_LINE = /^ {2}"generated_at": "[^"]+",\n/m;

interface ReportJson {
  readonly [field: string]: unknown;
  readonly indicators: Readonly<Record<string, unknown>>;
}

let work: string;
let firstRun: CliResult;

function reportPath(out: string, cityCode: string): string {
  return path.join(out, 'reports', `city=${cityCode}`, 'period=2025-06', 'report.json');
}

async function readReport(out: string, cityCode: string): Promise<ReportJson> {
  return JSON.parse(await readFile(reportPath(out, cityCode), 'utf8')) as ReportJson;
}

/** Every file under `dir` with the SHA-256 of its bytes, by relative path. */
async function fileDigests(dir: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    digests[path.relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return digests;
}

beforeAll(async () => {
  work = await tempDir('e2e-report');
  firstRun = await runCli(fixtureRunArgs(path.join(work, 'lake'), path.join(work, 'out'), '--period', '2025-06'));
});

describe('ipstats run on the hand-computed fixture', () => {
  it('exits 0 although rows were rejected, and says what it read and where the reports are', () => {
    expect(firstRun.stderr).toBe('');
    expect(firstRun.exitCode).toBe(0);
    expect(firstRun.stdout).toContain(`ingested 9 new file(s) (0 already in the lake): 89 rows read, 4 rejected (see ${path.join(work, 'lake')}/rejects/)`);
    expect(firstRun.stdout).toContain('report month 2025-06');
    expect(firstRun.stdout).toContain(`310000 上海市: ${reportPath(path.join(work, 'out'), '310000')}`);
    expect(firstRun.stdout).toContain(`440300 深圳市: ${reportPath(path.join(work, 'out'), '440300')}`);
  });

  it('writes a report for each configured city and none for the unconfigured ones', async () => {
    expect((await readdir(path.join(work, 'out', 'reports'))).sort()).toEqual(['city=310000', 'city=440300']);
  });

  it('writes report.schema.json beside each report.json, and each report.json is valid for ajv against it and docs/report.schema.json', async () => {
    expect(await validateWrittenReports(path.join(work, 'out'))).toEqual([
      { report: 'reports/city=310000/period=2025-06/report.json', errors: [] },
      { report: 'reports/city=440300/period=2025-06/report.json', errors: [] },
    ]);
  });

  it.each([
    ['310000', '上海市'],
    ['440300', '深圳市'],
  ])('report %s carries the contract header', async (code, name) => {
    const report = await readReport(path.join(work, 'out'), code);
    expect(report['schema_version']).toBe(1);
    expect(report['city']).toEqual({ code, name });
    expect(report['period']).toBe('2025-06');
    expect(report['generated_at']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    // The fixture carries no classification: the lake got the default, the official 2019 table.
    expect([report['classification_version'], report['classification_is_demonstration']]).toEqual(['2019', false]);
    expect(Object.keys(report.indicators).sort()).toEqual([...INDICATOR_IDS].sort());
  });

  describe('深圳市 440300', () => {
    it.each(INDICATOR_IDS)('%s', async (id) => {
      const report = await readReport(path.join(work, 'out'), '440300');
      expect(report.indicators[id]).toEqual(SHENZHEN_INDICATORS[id as keyof typeof SHENZHEN_INDICATORS]);
    });

    it('gi_output: promotion project and all products, per product with distinct users', async () => {
      expect((await readReport(path.join(work, 'out'), '440300'))['gi_output']).toEqual(SHENZHEN_GI_OUTPUT);
    });

    it('self_evaluation: targets, actuals, completion rates, scores and flags of every row, and the totals', async () => {
      type Row = { key: string; annual_target: number | null; target_to_date: number | null; actual: number | null; completion_rate: number | null; score: number | null; flag: string | null };
      const grid = (await readReport(path.join(work, 'out'), '440300'))['self_evaluation'] as { rows: Row[] } & Record<string, unknown>;
      expect(grid.rows.map((row) => [row.key, row.annual_target, row.target_to_date, row.actual, row.completion_rate, row.score, row.flag])).toEqual(SHENZHEN_SELF_EVALUATION.rows);
      expect(grid).toMatchObject({ year: 2025, period: '2025-06', weights_source: 'default', ...SHENZHEN_SELF_EVALUATION.totals });
    });
  });

  describe('上海市 310000 (municipality, base year outside the data)', () => {
    it.each(INDICATOR_IDS)('%s', async (id) => {
      const report = await readReport(path.join(work, 'out'), '310000');
      expect(report.indicators[id]).toEqual(SHANGHAI_INDICATORS[id as keyof typeof SHANGHAI_INDICATORS]);
    });

    it('gi_output', async () => {
      expect((await readReport(path.join(work, 'out'), '310000'))['gi_output']).toEqual(SHANGHAI_GI_OUTPUT);
    });
  });

  describe('monthly_trend: the 24 months 2023-07 … 2025-06, one value per indicator and month', () => {
    const months = trendMonths('2023-07');

    it('深圳市: transfers, pledges and GI output month by month; certification null before the programme start', async () => {
      const trend = (await readReport(path.join(work, 'out'), '440300'))['monthly_trend'] as { months: string[]; values: Record<string, unknown[]> };
      expect(trend.months).toEqual(months);
      expect(trend.values['ip_transfer_licence_count']).toEqual(
        trendValues(months, { '2023-08': 1, '2023-11': 1, '2024-02': 1, '2024-04': 1, '2024-07': 1, '2024-09': 1, '2024-12': 1, '2025-03': 1, '2025-05': 1, '2025-06': 1 }),
      );
      expect(trend.values['pledge_amount_cny']).toEqual(
        trendValues(months, { '2023-09': 3_000_000, '2024-03': 2_000_000, '2024-08': 2_500_000, '2024-11': 1_500_000, '2025-02': 3_000_000, '2025-06': 6_000_000 }),
      );
      expect(trend.values['gi_output_value_cny']).toEqual(
        trendValues(months, { '2024-03': 200_000, '2024-10': 300_000, '2025-02': 250_000, '2025-03': 10_000, '2025-06': 150_000 }),
      );
      expect(trend.values['ip_certified_entity_count']).toEqual(trendValues(months, { '2024-03': 1, '2024-08': 1, '2025-06': 1 }, '2024-01'));
      expect(trend.values['patent_intensive_value_added_cny']).toEqual(Array(24).fill(null));
    });

    it('上海市: pledge amounts, with 0 in covered months without a pledge', async () => {
      const trend = (await readReport(path.join(work, 'out'), '310000'))['monthly_trend'] as { values: Record<string, unknown[]> };
      expect(trend.values['pledge_amount_cny']).toEqual(trendValues(months, { '2024-02': 802_500, '2024-10': 1_000_000, '2025-05': 400_000 }));
      expect(trend.values['gi_output_value_cny']).toEqual(trendValues(months, { '2024-06': 1_000_000, '2025-01': 300_000.05, '2025-06': 1_200_000 }));
    });
  });

  it.each([
    ['310000', SHANGHAI_DATA_QUALITY],
    ['440300', SHENZHEN_DATA_QUALITY],
  ])("report %s: data_quality is the city's, the lake's totals apart; patent_intensive is present and null", async (code, quality) => {
    const report = await readReport(path.join(work, 'out'), code);
    expect(report['data_quality']).toEqual(quality);
    // The fixture has no patents: every high-value figure is null (no_data), never 0; the threshold is the default.
    expect(report['high_value_patents']).toMatchObject({
      invention_in_force: null,
      high_value_in_force: null,
      per_10k_residents: null,
      pledge_threshold_cny: 10_000_000,
      missing_columns: [],
      null_reasons: { invention_in_force: 'no_data', high_value_in_force: 'no_data', per_10k_residents: 'no_data', resident_population: 'no_data' },
    });
    // The fixture has no enterprise or industry accounts: every figure is null and the section says why.
    expect(report['patent_intensive']).toMatchObject({
      year: null,
      method: null,
      value_added_cny: null,
      share_of_gdp: null,
      growth: null,
      by_category: { '01': null, '02': null, '03': null, '04': null, '05': null, '06': null, '07': null },
      classification_version: '2019',
      notes: ['no enterprise or industry accounts of the city for 2024 or earlier'],
    });
  });

  it('writes every rejected row to rejects/ with all its reasons', async () => {
    const rejectsDir = path.join(work, 'lake', 'rejects');
    const found: Record<string, string[]> = {};
    for (const dataset of (await readdir(rejectsDir)).sort()) {
      const [dateFolder] = await readdir(path.join(rejectsDir, dataset));
      for (const file of await readdir(path.join(rejectsDir, dataset, dateFolder!))) {
        for (const line of (await readFile(path.join(rejectsDir, dataset, dateFolder!, file), 'utf8')).trim().split('\n')) {
          const reject = JSON.parse(line) as { row: number; reasons: { column: string | null; rule: string }[] };
          found[`${dataset} row ${reject.row}`] = reject.reasons.map((reason) => `${reason.column}:${reason.rule}`);
        }
      }
    }
    expect(found).toEqual({
      'gi_output row 15': ['producer_uscc:uscc_check', 'output_value_cny:money_negative', 'uses_special_mark:boolean_format'],
      'patent_events row 14': ['application_no:application_no_check', 'from_city_code:city_code_unknown'],
      'pledges row 12': ['registration_date:date_invalid'],
      'programme_records row 20': ['kind:enum_value', 'event_date:date_invalid'],
    });
  });

  it("records in the correction file's manifest that it superseded one row of the first pledges file", async () => {
    const manifestsDir = path.join(work, 'lake', 'manifests', 'pledges');
    const manifests = await Promise.all(
      (await readdir(manifestsDir)).map(async (file) => JSON.parse(await readFile(path.join(manifestsDir, file), 'utf8')) as {
        ingest_seq: number;
        source: { sha256: string };
        keys: { supersedes: Record<string, number> };
      }),
    );
    const [first, correction] = manifests.sort((a, b) => a.ingest_seq - b.ingest_seq);
    expect(correction!.ingest_seq).toBe(2);
    expect(correction!.keys.supersedes).toEqual({ [first!.source.sha256]: 1 });
  });
});

describe('running again on the same input', () => {
  let secondRun: CliResult;
  let lakeBefore: Record<string, string>;

  beforeAll(async () => {
    lakeBefore = await fileDigests(path.join(work, 'lake'));
    // No --period this time: the default (latest month every flow source reported) is 2025-06.
    secondRun = await runCli(fixtureRunArgs(path.join(work, 'lake'), path.join(work, 'out-again')));
  });

  it('ingests nothing and says the files are already in the lake', () => {
    expect(secondRun.exitCode).toBe(0);
    expect(secondRun.stdout).toContain('ingested 0 new file(s) (9 already in the lake): 0 rows read, 0 rejected');
    expect(secondRun.stdout).toContain('report month 2025-06');
  });

  it('leaves every file of the lake byte-identical', async () => {
    expect(await fileDigests(path.join(work, 'lake'))).toEqual(lakeBefore);
  });

  it.each(['310000', '440300'])('writes a byte-identical report.schema.json for %s, the committed docs/report.schema.json', async (code) => {
    const schemaPath = (out: string) => path.join(path.dirname(reportPath(out, code)), 'report.schema.json');
    const docs = await readFile(new URL('../../docs/report.schema.json', import.meta.url), 'utf8');
    expect(await readFile(schemaPath(path.join(work, 'out')), 'utf8')).toBe(docs);
    expect(await readFile(schemaPath(path.join(work, 'out-again')), 'utf8')).toBe(docs);
  });

  it.each(['310000', '440300'])('writes a byte-identical report.json for %s apart from generated_at', async (code) => {
    const first = await readFile(reportPath(path.join(work, 'out'), code), 'utf8');
    const again = await readFile(reportPath(path.join(work, 'out-again'), code), 'utf8');
    expect(first).toMatch(GENERATED_AT_LINE);
    expect(again.replace(GENERATED_AT_LINE, '')).toBe(first.replace(GENERATED_AT_LINE, ''));
  });
});
