/**
 * `ipstats run … --period 2025-06` and `ipstats classify` on a small hand-computed world, as an
 * operator runs them (child processes). The figures are worked out in the comments.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationNumber, organisationCodeCheckChar } from '../../../etl/sample/sample-identifiers.ts';
import { usccCheckCharacter } from '../../../etl/schemas/parse/uscc.ts';
import { runCli, type CliResult } from '../../e2e/support/run-cli.ts';
import { tempDir } from '../../support/temp-dir.ts';

function uscc(adminCode: string, serial: number): string {
  const body = `MA5F${String(serial).padStart(4, '0')}`;
  const first17 = `91${adminCode}${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckCharacter(first17);
}

const A = uscc('440305', 1); // 3911 (full), 2,000 employees
const B = uscc('440300', 2); // 3961 (partial), holds an in-force invention patent
const C = uscc('440300', 3); // 3961 (partial), its invention patent lapsed
const D = uscc('440300', 4); // 1311, outside the classification
const S = uscc('320500', 5); // 苏州 2710, no accounts: 苏州 has industry data only

const FILES: Record<string, string> = {
  'patent_intensive_classification/classification-2019.csv': ['version,industry_code,category_code,partial', '2019,3911,01,false', '2019,3961,01,*', '2019,2710,05,false', '2019,6513,02,false'].join('\n'),
  'enterprises/enterprises.csv': [
    'uscc,name,city_code,industry_code,is_sme,is_above_scale,employees',
    `${A},深圳甲计算机有限公司,440305,3911,false,true,2000`,
    `${B},深圳乙穿戴有限公司,440300,3961,true,false,500`,
    `${C},深圳丙穿戴有限公司,440300,3961,true,false,300`,
    `${D},深圳丁纺织有限公司,440300,1311,false,true,1000`,
    `${S},苏州戊药业有限公司,320500,2710,true,false,100`,
  ].join('\n'),
  'enterprise_accounts/accounts.csv': [
    'uscc,year,labor_compensation_cny,net_production_taxes_cny,depreciation_cny,operating_surplus_cny,gross_output_cny,intermediate_input_cny',
    `${A},2023,,,,,500,350`, // production approach: 150
    `${A},2024,100,20,30,50,,`, // 200
    `${B},2024,10,1,2,-3,,`, // 10, with a negative operating surplus
    `${C},2024,40,0,0,0,,`, // 40
    `${D},2024,1000,0,0,0,,`,
  ].join('\n'),
  'patents/patents.csv': [
    'application_no,patent_type,title,application_date,grant_date,legal_status,applicant_name,applicant_uscc,applicant_type,city_code,ipc_main',
    `${applicationNumber(2019, 'invention', 1)},invention,甲,2019-01-10,2020-06-30,granted,深圳甲计算机有限公司,${A},enterprise,440305,`,
    `${applicationNumber(2021, 'invention', 2)},invention,乙,2021-02-10,2023-05-01,granted,深圳乙穿戴有限公司,${B},enterprise,440300,`,
    `${applicationNumber(2020, 'invention', 3)},invention,丙,2020-03-10,2022-03-01,lapsed,深圳丙穿戴有限公司,${C},enterprise,440300,`,
  ].join('\n'),
  'industry_accounts/industry.csv': [
    'city_code,year,industry_code,value_added_cny',
    '440305,2024,3911,300',
    '440306,2024,3911,100',
    '440300,2024,3961,1000',
    '440300,2024,1311,5000',
    '320500,2024,2710,700',
    '320500,2024,3961,300',
  ].join('\n'),
  'city_accounts/gdp.csv': ['city_code,year,gdp_cny', '440300,2023,8000', '440300,2024,10000'].join('\n'),
};

const CITIES = {
  cities: [
    { code: '440300', name: '深圳市', programme_start_year: 2024, base_year: 2023 },
    { code: '320500', name: '苏州市', programme_start_year: 2024, base_year: 2023, patent_intensive_partial_shares: { '3961': 0.5 } },
  ],
};

const zeros = { '01': 0, '02': 0, '03': 0, '04': 0, '05': 0, '06': 0, '07': 0 };

describe('patent-intensive value added through the command line', () => {
  let work: string;
  let run: CliResult;
  const report = async (code: string) =>
    JSON.parse(await readFile(path.join(work, 'out', 'reports', `city=${code}`, 'period=2025-06', 'report.json'), 'utf8')) as Record<string, any>;

  beforeAll(async () => {
    work = await tempDir('patent-intensive-run');
    for (const [file, text] of Object.entries(FILES)) {
      await mkdir(path.dirname(path.join(work, 'input', file)), { recursive: true });
      await writeFile(path.join(work, 'input', file), `${text}\n`);
    }
    await writeFile(path.join(work, 'cities.json'), JSON.stringify(CITIES));
    run = await runCli(['run', '--input', path.join(work, 'input'), '--lake', path.join(work, 'lake'), '--out', path.join(work, 'out'), '--config', path.join(work, 'cities.json'), '--period', '2025-06']);
  }, 120_000);

  it('runs and prints each city\'s figure, GDP share and 7-category breakdown', () => {
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    // 210 yuan is 0.00 亿元 in the table: the table is for people, report.json has the yuan.
    expect(lines.find((line) => line.startsWith('440300 深圳市') && line.includes('(2024)'))).toMatch(/0\.00 \(2024\)\s+2\.10%/);
    expect(lines.find((line) => line.startsWith('320500 苏州市') && line.includes('industry'))).toMatch(/^320500 苏州市\s+2024\s+industry\s+2019\s+0\.00/);
    expect(run.stdout).not.toContain('DEMONSTRATION');
  });

  it('深圳 2024: enterprise method headline, industry method beside it, GDP share, growth and CAGR', async () => {
    const shenzhen = await report('440300');
    expect(shenzhen['classification_version']).toBe('2019');
    expect(shenzhen['classification_is_demonstration']).toBe(false);
    const section = shenzhen['patent_intensive'];
    // Enterprise: A 200 + B 10 (C's patent lapsed: not counted; D's class is not patent-intensive) = 210; 2023: A 150.
    expect(section).toMatchObject({ year: 2024, method: 'enterprise', value_added_cny: 210, share_of_gdp: 0.021, growth: 0.4, cagr_since_base: 0.4, gdp_cny: 10000 });
    expect(section.by_category).toEqual({ ...zeros, '01': 210 });
    // Industry: 3911 300 + 100 (districts) = 400; 3961 1000 × derived share 10 / (10 + 40) = 200 → 600.
    expect(section.industry_method).toEqual({
      value_added_cny: 600,
      by_category: { ...zeros, '01': 600 },
      partial_classes: [{ industry_code: '3961', category_code: '01', industry_value_added_cny: 1000, share: 0.2, share_source: 'derived', value_added_cny: 200 }],
      excluded_partial_classes: [],
    });
    expect(section.difference_cny).toBe(-390);
    expect(section.enterprise_method).toEqual({ value_added_cny: 210, by_category: { ...zeros, '01': 210 }, counted_enterprises: 2, production_approach_enterprises: 0 });
    expect(shenzhen['indicators']['patent_intensive_value_added_cny']).toEqual({
      unit: 'cny',
      month: null,
      month_yoy_growth: null,
      ytd: null,
      ytd_prev: null,
      yoy_growth: 0.4,
      annual: { '2023': 150, '2024': 210 },
      cagr_since_base: 0.4,
      cumulative: null,
      target: { kind: 'growth', value: 0 },
      status: 'met',
      null_reasons: { month: 'not_applicable', month_yoy_growth: 'not_applicable', ytd: 'not_applicable', ytd_prev: 'not_applicable', cumulative: 'not_applicable' },
    });
  });

  it('苏州 2024: industry data only, the partial class at its configured share, no GDP (share null)', async () => {
    const section = (await report('320500'))['patent_intensive'];
    // 2710 700 + 3961 300 × 0.5 = 850
    expect(section).toMatchObject({ year: 2024, method: 'industry', value_added_cny: 850, share_of_gdp: null, growth: null, gdp_cny: null, enterprise_method: null, difference_cny: null });
    expect(section.by_category).toEqual({ ...zeros, '01': 150, '05': 700 });
    expect(section.industry_method.partial_classes).toEqual([
      { industry_code: '3961', category_code: '01', industry_value_added_cny: 300, share: 0.5, share_source: 'configured', value_added_cny: 150 },
    ]);
  });

  it('classify prints the comparison table and writes CSV and JSON', async () => {
    const out = path.join(work, 'out');
    const table = await runCli(['classify', '--year', '2024', '--lake', path.join(work, 'lake'), '--out', out]);
    expect(table.exitCode).toBe(0);
    // Employees 2,000 + 800 + 1,000 + 100 = 3,900; inventions granted 2020–2024: A 1, B 1, C 1 (lapsed later, granted in 2022) = 3.
    expect(table.stdout).toContain('classification: 2019\n');
    expect(table.stdout).toContain('all-industry average: 7.69 (3 inventions, 3,900 employees)');
    expect(table.stdout).toContain('both 0 · only derived 0 · only official 4 · neither 1');
    const json = JSON.parse(await readFile(path.join(out, 'classify', 'year=2024', 'patent-intensity.json'), 'utf8'));
    expect(json.rows.map((row: any) => [row.industry_code, row.employees, row.invention_patents_5y, row.patents_per_10k_employees, row.comparison])).toEqual([
      ['1311', 1000, 0, 0, 'neither'],
      ['2710', 100, 0, 0, 'only_official'],
      ['3911', 2000, 1, 5, 'only_official'],
      ['3961', 800, 2, 25, 'only_official'],
      ['6513', 0, 0, null, 'only_official'],
    ]);
    const csv = await readFile(path.join(out, 'classify', 'year=2024', 'patent-intensity.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe(
      'industry_code,industry_name,enterprises,employees,enterprises_without_employees,invention_patents_5y,patents_per_10k_employees,candidate,official_category,official_partial,comparison',
    );

    // With a smaller minimum scale, 3961 (25 per 10,000 employees, above the average) becomes a candidate in both.
    const small = await runCli(['classify', '--year', '2024', '--lake', path.join(work, 'lake'), '--out', out, '--min-employees', '500', '--min-patents', '2', '--format', 'json']);
    expect(JSON.parse(small.stdout).counts).toEqual({ both: 1, only_derived: 0, only_official: 3, neither: 1 });
  }, 60_000);

  it('classify refuses a malformed year with exit status 2', async () => {
    const bad = await runCli(['classify', '--year', '24', '--lake', path.join(work, 'lake')]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe("ipstats: --year '24' is not a year YYYY (for example 2024)\n");
  });
});
