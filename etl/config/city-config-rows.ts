/**
 * The configured cities as rows of the curated `city_config` table (etl/schemas/city-config-columns.ts),
 * which `run` writes so the marts keep only configured cities. Sorted by code for deterministic files.
 */
import type { NormalisedRow } from '../schemas/dataset-spec.ts';
import type { CityConfig } from './city-config.ts';

export function cityConfigRows(config: CityConfig): NormalisedRow[] {
  return [...config.cities]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((city) => ({
      city_code: city.code,
      city_name: city.name,
      programme_start_year: city.programmeStartYear,
      base_year: city.baseYear,
    }));
}
