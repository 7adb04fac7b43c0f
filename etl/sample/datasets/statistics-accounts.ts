/**
 * industry_accounts and city_accounts: the statistics bureau's value added by industry class
 * and GDP, per city and complete year. GDP starts from each city's real 2023 figure; class value
 * added is a share of GDP that varies by city.
 */
import type { CatalogueCity } from '../city-catalogue.ts';
import type { SampleRecord } from '../csv-rendering.ts';
import { SAMPLE_INDUSTRY_CLASSES } from '../industry-classes.ts';
import type { SampleWorld } from '../sample-world.ts';

const YUAN_PER_YI = 100_000_000;
const GDP_REFERENCE_YEAR = 2023;

function gdpYuan(world: SampleWorld, city: CatalogueCity, year: number): number {
  return city.gdp2023Yi * YUAN_PER_YI * Math.pow(1 + world.growthRate('economy', city.code), year - GDP_REFERENCE_YEAR);
}

/** GDP in whole 万元, as bureaus publish it. */
export function generateCityAccounts(world: SampleWorld): SampleRecord[] {
  return world.years.flatMap((year) =>
    world.everyCity.map((city) => ({
      city_code: city.city.code,
      year,
      gdp_cny: BigInt(Math.round(gdpYuan(world, city.city, year) / 10_000)) * 1_000_000n,
    })),
  );
}

/** Every configured city, and one other city (a provincial table carries its neighbours too). */
export function generateIndustryAccounts(world: SampleWorld): SampleRecord[] {
  const random = world.random.fork('industry_accounts');
  const cities = [...world.configured, ...world.others.slice(0, 1)];
  const cityClassFactor = new Map(cities.flatMap((city) => SAMPLE_INDUSTRY_CLASSES.map((industry) => [`${city.city.code}:${industry.code}`, random.logNormal(1, 0.5)] as const)));
  const records: SampleRecord[] = [];
  for (const year of world.years) {
    for (const city of cities) {
      for (const industry of SAMPLE_INDUSTRY_CLASSES) {
        const factor = cityClassFactor.get(`${city.city.code}:${industry.code}`)!;
        const valueAdded = (gdpYuan(world, city.city, year) * industry.gdpPerMille * factor * random.logNormal(1, 0.05)) / 1_000;
        // Published to the 万元.
        records.push({ city_code: city.city.code, year, industry_code: industry.code, value_added_cny: BigInt(Math.round(valueAdded / 10_000)) * 1_000_000n });
      }
    }
  }
  return records;
}
