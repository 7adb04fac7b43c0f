/**
 * enterprises and enterprise_accounts: the register of the configured cities' enterprises and
 * their annual accounts for every complete year — the income approach for most, only gross
 * output and intermediate input for some (the production-approach fallback). The ordinary
 * enterprises (mostly SMEs) come first; the large enterprises follow, their accounts sized in
 * large-enterprise-accounts.ts.
 */
import type { SampleRecord } from '../csv-rendering.ts';
import { growthFactor } from '../sample-calendar.ts';
import type { SampleEntity, SampleWorld } from '../sample-world.ts';
import type { SeededRandom } from '../seeded-random.ts';
import { largeEnterpriseAccounts } from './large-enterprise-accounts.ts';

/** The ordinary enterprises of the register (the large ones are `city.largeEnterprises`). */
export function registerEnterprises(world: SampleWorld): SampleEntity[] {
  return world.configured.flatMap((city) => city.enterprises);
}

export function registerLargeEnterprises(world: SampleWorld): SampleEntity[] {
  return world.configured.flatMap((city) => city.largeEnterprises);
}

export function generateEnterprises(world: SampleWorld): SampleRecord[] {
  return [...registerEnterprises(world), ...registerLargeEnterprises(world)].map((enterprise) => ({
    uscc: enterprise.uscc,
    name: enterprise.name,
    city_code: enterprise.adminCode,
    industry_code: enterprise.industry!.code,
    is_sme: enterprise.isSme,
    is_above_scale: enterprise.isAboveScale,
    employees: enterprise.employees,
  }));
}

export function yuanToFen(yuan: number): bigint {
  return BigInt(Math.round(yuan)) * 100n;
}

function accountsOf(random: SeededRandom, enterprise: SampleEntity, year: number, firstYear: number, growth: number): SampleRecord {
  const employees = enterprise.employees ?? 50;
  const wage = random.logNormal(160_000, 0.25);
  const labour = employees * wage * growthFactor((year - firstYear) * 12, growth);
  // Labour is about half of value added; the rest is taxes, depreciation and surplus.
  const valueAdded = labour / random.logNormal(0.5, 0.15);
  const taxes = valueAdded * random.logNormal(0.12, 0.3);
  const depreciation = valueAdded * random.logNormal(0.13, 0.3);
  const surplus = valueAdded - labour - taxes - depreciation;
  if (random.chance(0.15)) {
    const grossOutput = valueAdded / (0.2 + random.next() * 0.15);
    return { uscc: enterprise.uscc, year, labor_compensation_cny: null, net_production_taxes_cny: null, depreciation_cny: null, operating_surplus_cny: null, gross_output_cny: yuanToFen(grossOutput), intermediate_input_cny: yuanToFen(grossOutput - valueAdded) };
  }
  return {
    uscc: enterprise.uscc,
    year,
    labor_compensation_cny: yuanToFen(labour),
    net_production_taxes_cny: yuanToFen(taxes),
    depreciation_cny: yuanToFen(depreciation),
    // A loss-making year now and then: surplus may be negative.
    operating_surplus_cny: yuanToFen(random.chance(0.1) ? -Math.abs(surplus) * random.next() : surplus),
    gross_output_cny: null,
    intermediate_input_cny: null,
  };
}

function ordinaryAccounts(world: SampleWorld): SampleRecord[] {
  const random = world.random.fork('enterprise_accounts');
  const firstYear = world.years[0] ?? 0;
  const records: SampleRecord[] = [];
  for (const year of world.years) {
    for (const enterprise of registerEnterprises(world)) {
      records.push(accountsOf(random, enterprise, year, firstYear, world.growthRate('economy', enterprise.city.code)));
    }
  }
  return records;
}

/** Ordinary enterprises' accounts, then the large enterprises' (split into one file per year, each keeps that order). */
export function generateEnterpriseAccounts(world: SampleWorld): SampleRecord[] {
  const ordinary = ordinaryAccounts(world);
  return [...ordinary, ...largeEnterpriseAccounts(world, registerEnterprises(world), ordinary)];
}
