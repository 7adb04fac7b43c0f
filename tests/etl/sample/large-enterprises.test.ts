/**
 * The register's large enterprises: they make 85–95% of each class's value added, so that the
 * enterprise method of the patent-intensive statistics lands near the industry method.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingRequired } from '../../../etl/sample/bad-rows.ts';
import type { SampleRecord } from '../../../etl/sample/csv-rendering.ts';
import { classValueAdded, classYearKey } from '../../../etl/sample/datasets/class-value-added.ts';
import { generateEnterpriseAccounts, generateEnterprises } from '../../../etl/sample/datasets/enterprise-register.ts';
import { accountsValueAddedFen } from '../../../etl/sample/datasets/large-enterprise-accounts.ts';
import { generateLargeEnterprisePatents } from '../../../etl/sample/datasets/large-enterprise-patents.ts';
import { generatePatents } from '../../../etl/sample/datasets/patents.ts';
import { DEMO_PARTIAL_CLASSES } from '../../../etl/sample/demo-classification.ts';
import { EXTRACT_FORMATS } from '../../../etl/sample/extract-formats.ts';
import { SAMPLE_INDUSTRY_CLASSES } from '../../../etl/sample/industry-classes.ts';
import { injectDefects } from '../../../etl/sample/inject-defects.ts';
import { largeEnterprisesPerClass } from '../../../etl/sample/large-enterprises.ts';
import type { PlannedFile } from '../../../etl/sample/sample-files.ts';
import { buildSampleWorld, type SampleWorldOptions } from '../../../etl/sample/sample-world.ts';
import { SeededRandom } from '../../../etl/sample/seeded-random.ts';
import { validateSampleFile } from './validate-sample-file.ts';

/** The options of the committed sample. */
const COMMITTED_OPTIONS: SampleWorldOptions = { cities: 6, months: 36, rowsScale: 0.5, seed: 20200430, endPeriod: '2025-12' };
const COMMITTED = fileURLToPath(new URL('../../../samples/default', import.meta.url));
const world = buildSampleWorld(COMMITTED_OPTIONS);
const groups = world.configured.flatMap((city) => city.largeEnterprises);

describe('large enterprises of the register', () => {
  it('gives every configured city its groups in every class: above scale, not SMEs, 1,200 to 90,000 employees', () => {
    const perCity = SAMPLE_INDUSTRY_CLASSES.reduce((sum, industry) => sum + largeEnterprisesPerClass(industry), 0);
    expect(perCity).toBe(85);
    for (const city of world.configured) {
      expect(city.largeEnterprises.length, city.city.code).toBe(perCity);
      expect(new Set(city.largeEnterprises.map((enterprise) => enterprise.industry!.code)).size).toBe(SAMPLE_INDUSTRY_CLASSES.length);
    }
    expect(world.others.every((city) => city.largeEnterprises.length === 0)).toBe(true);
    expect(groups.every((enterprise) => enterprise.isSme === false && enterprise.isAboveScale === true)).toBe(true);
    expect(Math.min(...groups.map((enterprise) => enterprise.employees!))).toBeGreaterThanOrEqual(1_200);
    expect(Math.max(...groups.map((enterprise) => enterprise.employees!))).toBeLessThanOrEqual(90_000);
    // Partial classes of the demonstration table have two groups: one with patents, one without.
    expect(largeEnterprisesPerClass(SAMPLE_INDUSTRY_CLASSES.find((industry) => industry.code === '3961')!)).toBe(2);
  });

  it('writes the groups after the ordinary enterprises, under names no other entity has', () => {
    const records = generateEnterprises(world);
    const ordinary = world.configured.reduce((sum, city) => sum + city.enterprises.length, 0);
    expect(records.length).toBe(ordinary + groups.length);
    expect(records.slice(ordinary).map((record) => record['uscc'])).toEqual(groups.map((enterprise) => enterprise.uscc));
    const names = world.everyCity.flatMap((city) => [...city.enterprises, ...city.largeEnterprises, ...city.institutes, ...city.publicBodies].map((entity) => entity.name));
    expect(new Set(names).size).toBe(names.length);
  });

  it('sizes the accounts so that the register makes 85–95% of every class value added, city and year', () => {
    const everyone = new Map(world.configured.flatMap((city) => [...city.enterprises, ...city.largeEnterprises]).map((enterprise) => [enterprise.uscc, enterprise]));
    const register = new Map<string, bigint>();
    for (const record of generateEnterpriseAccounts(world)) {
      const enterprise = everyone.get(record['uscc'] as string)!;
      const key = classYearKey(enterprise.city.code, enterprise.industry!.code, Number(record['year']));
      register.set(key, (register.get(key) ?? 0n) + accountsValueAddedFen(record)!);
    }
    const coverage = classValueAdded(world)
      .filter((row) => world.configured.some((city) => city.city.code === row.city.code))
      .map((row) => Number(register.get(classYearKey(row.city.code, row.industry.code, row.year))!) / Number(row.valueAddedFen));
    expect(coverage.length).toBe(6 * SAMPLE_INDUSTRY_CLASSES.length * 3);
    expect(Math.min(...coverage)).toBeGreaterThanOrEqual(0.85);
    expect(Math.max(...coverage)).toBeLessThanOrEqual(0.95);
  });

  it('reports by the income approach mostly, with components that add up, and keeps an approach from year to year', () => {
    const uscc = new Set(groups.map((enterprise) => enterprise.uscc));
    const accounts = generateEnterpriseAccounts(world).filter((record) => uscc.has(record['uscc'] as string));
    expect(accounts.length).toBe(groups.length * 3);
    const production = accounts.filter((record) => record['labor_compensation_cny'] === null);
    expect(production.length / accounts.length).toBeGreaterThan(0.08);
    expect(production.length / accounts.length).toBeLessThan(0.25);
    expect(production.every((record) => (record['gross_output_cny'] as bigint) > (record['intermediate_input_cny'] as bigint))).toBe(true);
    const approachOf = new Map<unknown, Set<boolean>>();
    for (const record of accounts) approachOf.set(record['uscc'], (approachOf.get(record['uscc']) ?? new Set()).add(record['labor_compensation_cny'] === null));
    expect([...approachOf.values()].every((approaches) => approaches.size === 1)).toBe(true);
    // Labour takes at most 60% of value added; the surplus is the balance.
    for (const record of accounts.filter((row) => row['labor_compensation_cny'] !== null)) {
      expect(Number(record['labor_compensation_cny']) / Number(accountsValueAddedFen(record))).toBeLessThanOrEqual(0.600001);
    }
  });

  it('gives the first group of a partial class an invention in force from the first year, and the second none', () => {
    const patents = generateLargeEnterprisePatents(world);
    for (const city of world.configured) {
      for (const code of DEMO_PARTIAL_CLASSES) {
        const [first, second] = city.largeEnterprises.filter((enterprise) => enterprise.industry!.code === code);
        const inForce = patents.filter((patent) => patent.record['applicant_uscc'] === first!.uscc && patent.type === 'invention' && patent.legalStatus === 'granted' && patent.grantDate! <= '2023-12-31');
        expect(inForce.length, `${city.city.code} ${code}`).toBeGreaterThanOrEqual(1);
        expect(patents.filter((patent) => patent.applicant === second).length).toBe(0);
      }
    }
    // Trade, real estate and construction groups hold none.
    expect(patents.filter((patent) => ['7010', '4710', '5292'].includes(patent.applicant.industry!.code)).length).toBe(0);
    const numbers = [...generatePatents(world), ...patents].map((patent) => patent.applicationNo);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('are all accepted rows of the committed sample (their rows are never made bad)', async () => {
    const enterprises = await validateSampleFile(COMMITTED, 'enterprises', 'enterprises/enterprises.csv');
    const accepted = new Set(enterprises.accepted.map((row) => row['uscc']));
    expect(groups.filter((enterprise) => !accepted.has(enterprise.uscc)).length).toBe(0);
    for (const year of [2023, 2024, 2025]) {
      const accounts = await validateSampleFile(COMMITTED, 'enterprise_accounts', path.posix.join('enterprise_accounts', `enterprise_accounts_${year}.csv`));
      const withAccounts = new Set(accounts.accepted.map((row) => row['uscc']));
      expect(groups.filter((enterprise) => !withAccounts.has(enterprise.uscc)).length, String(year)).toBe(0);
    }
  });
});

describe('injectDefects with sheltered rows', () => {
  const records = (count: number, prefix: string): SampleRecord[] => Array.from({ length: count }, (_, index) => ({ uscc: null, name: `${prefix}${index}`, city_code: '310115', industry_code: '3911', is_sme: true, is_above_scale: null, employees: 10 }));
  const file = (rows: SampleRecord[]): PlannedFile => ({ dataset: 'enterprises', path: 'enterprises/enterprises.csv', format: EXTRACT_FORMATS.enterprises, records: rows });

  it('never touches a sheltered row, counts it towards the number of bad rows and leaves the others as they were', () => {
    const alone = injectDefects([file(records(600, 'a'))], [missingRequired('name')], new SeededRandom(5));
    const sheltered = records(400, 'b');
    const withSheltered = injectDefects([file([...records(600, 'a'), ...sheltered])], [missingRequired('name')], new SeededRandom(5), new Set(sheltered));
    expect(alone.defects.length).toBe(3);
    // One in 200 of all 1,000 rows.
    expect(withSheltered.defects.length).toBe(5);
    expect(sheltered.every((record) => record['name'] !== null)).toBe(true);
    expect(withSheltered.defects.every((defect) => defect.record <= 601)).toBe(true);
    for (const defect of alone.defects) expect(withSheltered.defects).toContainEqual(defect);
  });
});
