import { describe, expect, it } from 'vitest';
import { cityConfigRows } from '../../../etl/config/city-config-rows.ts';
import { loadCityConfig } from '../../../etl/config/city-config.ts';
import { CITY_CONFIG_COLUMNS } from '../../../etl/schemas/city-config-columns.ts';

describe('cityConfigRows', () => {
  it('gives one row per city, sorted by code, with the curated city_config columns and defaults applied', async () => {
    const rows = cityConfigRows(await loadCityConfig('samples/cities.example.json'));
    expect(rows).toEqual([
      { city_code: '310000', city_name: '上海市', programme_start_year: 2024, base_year: 2023 },
      { city_code: '420100', city_name: '武汉市', programme_start_year: 2023, base_year: 2022 },
      { city_code: '440300', city_name: '深圳市', programme_start_year: 2024, base_year: 2023 },
    ]);
    expect(Object.keys(rows[0]!)).toEqual(CITY_CONFIG_COLUMNS.map((column) => column.name));
  });
});
