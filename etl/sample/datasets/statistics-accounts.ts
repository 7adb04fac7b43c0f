/**
 * industry_accounts and city_accounts: the statistics bureau's value added by industry class
 * and GDP, per city and complete year. GDP starts from each city's real 2023 figure; class value
 * added is a share of GDP that varies by city (computed in class-value-added.ts).
 */
import type { SampleRecord } from '../csv-rendering.ts';
import type { SampleWorld } from '../sample-world.ts';
import { classValueAdded, gdpYuan } from './class-value-added.ts';

/**
 * Resident population is sample data, not the cities' real figures: GDP ÷ 160,000 yuan a head
 * (near the large cities' GDP per capita), to the hundred persons (docs/sample-data.md).
 */
const SAMPLE_GDP_PER_RESIDENT_YUAN = 160_000;

/** GDP in whole 万元, as bureaus publish it; resident population in persons. */
export function generateCityAccounts(world: SampleWorld): SampleRecord[] {
  return world.years.flatMap((year) =>
    world.everyCity.map((city) => ({
      city_code: city.city.code,
      year,
      gdp_cny: BigInt(Math.round(gdpYuan(world, city.city, year) / 10_000)) * 1_000_000n,
      resident_population: Math.round(gdpYuan(world, city.city, year) / SAMPLE_GDP_PER_RESIDENT_YUAN / 100) * 100,
    })),
  );
}

export function generateIndustryAccounts(world: SampleWorld): SampleRecord[] {
  return classValueAdded(world).map(({ city, industry, year, valueAddedFen }) => ({ city_code: city.code, year, industry_code: industry.code, value_added_cny: valueAddedFen }));
}
