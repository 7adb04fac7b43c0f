/**
 * The statistics bureau's value added by city, industry class and complete year: the one
 * computation behind `industry_accounts` and the accounts of the register's large enterprises,
 * which are sized to cover most of it (so that the two patent-intensive methods agree).
 */
import type { CatalogueCity } from '../city-catalogue.ts';
import { SAMPLE_INDUSTRY_CLASSES, type SampleIndustryClass } from '../industry-classes.ts';
import type { SampleWorld } from '../sample-world.ts';

const YUAN_PER_YI = 100_000_000;
const GDP_REFERENCE_YEAR = 2023;

export interface ClassValueAdded {
  readonly city: CatalogueCity;
  readonly industry: SampleIndustryClass;
  readonly year: number;
  /** As published: whole 万元, in fen. */
  readonly valueAddedFen: bigint;
}

export function gdpYuan(world: SampleWorld, city: CatalogueCity, year: number): number {
  return city.gdp2023Yi * YUAN_PER_YI * Math.pow(1 + world.growthRate('economy', city.code), year - GDP_REFERENCE_YEAR);
}

/** Cities with industry accounts: every configured city, and one other (a provincial table carries its neighbours too). */
export function industryAccountCities(world: SampleWorld): readonly CatalogueCity[] {
  return [...world.configured, ...world.others.slice(0, 1)].map((entities) => entities.city);
}

/**
 * Class value added is a share of GDP (the class's per mille) times a factor drawn once per city
 * and class, with ±5% noise per year. Deterministic: the same world always gives the same table.
 */
export function classValueAdded(world: SampleWorld): ClassValueAdded[] {
  const random = world.random.fork('industry_accounts');
  const cities = industryAccountCities(world);
  const cityClassFactor = new Map(cities.flatMap((city) => SAMPLE_INDUSTRY_CLASSES.map((industry) => [`${city.code}:${industry.code}`, random.logNormal(1, 0.5)] as const)));
  const table: ClassValueAdded[] = [];
  for (const year of world.years) {
    for (const city of cities) {
      for (const industry of SAMPLE_INDUSTRY_CLASSES) {
        const factor = cityClassFactor.get(`${city.code}:${industry.code}`)!;
        const valueAdded = (gdpYuan(world, city, year) * industry.gdpPerMille * factor * random.logNormal(1, 0.05)) / 1_000;
        // Published to the 万元.
        table.push({ city, industry, year, valueAddedFen: BigInt(Math.round(valueAdded / 10_000)) * 1_000_000n });
      }
    }
  }
  return table;
}

/** The key of a city, class and year in lookups built from `classValueAdded`. */
export function classYearKey(cityCode: string, industryCode: string, year: number): string {
  return `${cityCode}:${industryCode}:${year}`;
}
