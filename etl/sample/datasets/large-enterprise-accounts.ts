/**
 * Annual accounts of the register's large enterprises, sized from the statistics bureau's class
 * value added (class-value-added.ts, the same table industry_accounts is written from): per city,
 * class and year, the whole register — ordinary and large enterprises — makes 85–95% of the
 * class's value added, as the above-scale enterprises of a real register do. The rest belongs to
 * enterprises outside the register. Most groups report by the income approach, some only gross
 * output and intermediate input.
 */
import type { SampleRecord } from '../csv-rendering.ts';
import { growthFactor } from '../sample-calendar.ts';
import type { SampleEntity, SampleWorld } from '../sample-world.ts';
import type { SeededRandom } from '../seeded-random.ts';
import { classValueAdded, classYearKey } from './class-value-added.ts';

const MIN_COVERAGE = 0.85;
const MAX_COVERAGE = 0.95;
const PRODUCTION_APPROACH_SHARE = 0.15;
/** Labour never takes more than this share of a group's value added (a giant of few employees pays them well, not all of it). */
const MAX_LABOUR_SHARE = 0.6;
/** Whatever the ordinary enterprises make, the groups keep at least this share of the class. */
const MIN_LARGE_SHARE = 0.05;

/** Value added of an accounts row as the pipeline computes it: income approach when complete, else production. */
export function accountsValueAddedFen(record: SampleRecord): bigint | null {
  const income = ['labor_compensation_cny', 'net_production_taxes_cny', 'depreciation_cny', 'operating_surplus_cny'].map((column) => record[column]);
  if (income.every((value) => typeof value === 'bigint')) return (income as bigint[]).reduce((sum, value) => sum + value, 0n);
  const gross = record['gross_output_cny'];
  const intermediate = record['intermediate_input_cny'];
  return typeof gross === 'bigint' && typeof intermediate === 'bigint' ? gross - intermediate : null;
}

/** Value added of the ordinary enterprises per city, class and year. */
function ordinaryValueAdded(enterprises: readonly SampleEntity[], accounts: readonly SampleRecord[]): Map<string, bigint> {
  const byUscc = new Map(enterprises.map((enterprise) => [enterprise.uscc, enterprise]));
  const totals = new Map<string, bigint>();
  for (const record of accounts) {
    const enterprise = byUscc.get(record['uscc'] as string);
    const valueAdded = accountsValueAddedFen(record);
    if (enterprise === undefined || valueAdded === null) continue;
    const key = classYearKey(enterprise.city.code, enterprise.industry!.code, Number(record['year']));
    totals.set(key, (totals.get(key) ?? 0n) + valueAdded);
  }
  return totals;
}

/** Splits `totalYuan` by weight into whole yuan; the last part takes the remainder, so the parts add up exactly. */
function splitYuan(totalYuan: bigint, weights: readonly number[]): bigint[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const parts = weights.slice(0, -1).map((weight) => BigInt(Math.round((Number(totalYuan) * weight) / weightSum)));
  return [...parts, totalYuan - parts.reduce((sum, part) => sum + part, 0n)];
}

function accountsRecord(random: SeededRandom, enterprise: SampleEntity, year: number, valueAddedYuan: bigint, productionApproach: boolean, wageGrowth: number): SampleRecord {
  const valueAdded = Number(valueAddedYuan);
  if (productionApproach) {
    const grossOutput = BigInt(Math.round(valueAdded / (0.22 + random.next() * 0.15)));
    return { uscc: enterprise.uscc, year, labor_compensation_cny: null, net_production_taxes_cny: null, depreciation_cny: null, operating_surplus_cny: null, gross_output_cny: grossOutput * 100n, intermediate_input_cny: (grossOutput - valueAddedYuan) * 100n };
  }
  const labour = BigInt(Math.round(Math.min(enterprise.employees! * random.logNormal(220_000, 0.2) * wageGrowth, valueAdded * MAX_LABOUR_SHARE)));
  const taxes = BigInt(Math.round(valueAdded * random.logNormal(0.12, 0.3)));
  const depreciation = BigInt(Math.round(valueAdded * random.logNormal(0.13, 0.3)));
  return {
    uscc: enterprise.uscc,
    year,
    labor_compensation_cny: labour * 100n,
    net_production_taxes_cny: taxes * 100n,
    depreciation_cny: depreciation * 100n,
    // The balance: the components add up to the value added the group was given.
    operating_surplus_cny: (valueAddedYuan - labour - taxes - depreciation) * 100n,
    gross_output_cny: null,
    intermediate_input_cny: null,
  };
}

function byIndustry(enterprises: readonly SampleEntity[]): Map<string, SampleEntity[]> {
  const groups = new Map<string, SampleEntity[]>();
  for (const enterprise of enterprises) {
    const code = enterprise.industry!.code;
    groups.set(code, [...(groups.get(code) ?? []), enterprise]);
  }
  return groups;
}

/**
 * The large enterprises' accounts, year by year, city by city, class by class. `ordinaryEnterprises`
 * and `ordinaryAccounts` are the rest of the register, whose value added the groups complete.
 */
export function largeEnterpriseAccounts(world: SampleWorld, ordinaryEnterprises: readonly SampleEntity[], ordinaryAccounts: readonly SampleRecord[]): SampleRecord[] {
  const random = world.random.fork('large_enterprise_accounts');
  const industryValueAdded = new Map(classValueAdded(world).map((row) => [classYearKey(row.city.code, row.industry.code, row.year), row.valueAddedFen]));
  const ordinary = ordinaryValueAdded(ordinaryEnterprises, ordinaryAccounts);
  const large = world.configured.flatMap((city) => city.largeEnterprises);
  // An enterprise keeps its approach from year to year.
  const productionApproach = new Map(large.map((enterprise) => [enterprise.uscc, random.chance(PRODUCTION_APPROACH_SHARE)]));
  const firstYear = world.years[0] ?? 0;
  const records: SampleRecord[] = [];
  for (const year of world.years) {
    for (const city of world.configured) {
      const wageGrowth = growthFactor((year - firstYear) * 12, world.growthRate('economy', city.city.code));
      for (const [industryCode, groups] of byIndustry(city.largeEnterprises)) {
        const key = classYearKey(city.city.code, industryCode, year);
        const classFen = industryValueAdded.get(key);
        if (classFen === undefined) throw new Error(`largeEnterpriseAccounts: no industry value added for ${key}; every configured city has industry accounts for every class and year`);
        const coverage = MIN_COVERAGE + random.next() * (MAX_COVERAGE - MIN_COVERAGE);
        const targetYuan = BigInt(Math.round((Number(classFen) * coverage) / 100));
        const floorYuan = BigInt(Math.round((Number(classFen) * MIN_LARGE_SHARE) / 100));
        const largeYuan = targetYuan - (ordinary.get(key) ?? 0n) / 100n;
        const shares = splitYuan(largeYuan > floorYuan ? largeYuan : floorYuan, groups.map((enterprise) => enterprise.employees! * random.logNormal(1, 0.15)));
        groups.forEach((enterprise, index) => records.push(accountsRecord(random, enterprise, year, shares[index]!, productionApproach.get(enterprise.uscc)!, wageGrowth)));
      }
    }
  }
  return records;
}
