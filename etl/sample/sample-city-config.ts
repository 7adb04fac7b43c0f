/**
 * cities.json of the sample (the city configuration of the data contract): the configured
 * cities, their programme start year inside the sample, and custom targets for some of them.
 */
import type { SampleWorld } from './sample-world.ts';

interface TargetConfig {
  readonly kind: 'growth' | 'cumulative';
  readonly value: number;
}

export interface SampleCityConfigEntry {
  readonly code: string;
  readonly name: string;
  readonly programme_start_year: number;
  readonly base_year?: number;
  readonly contacts: readonly string[];
  readonly targets?: Readonly<Record<string, TargetConfig>>;
}

/** Custom targets by city code; every other target takes the notice's default. */
const CUSTOM_TARGETS: Readonly<Record<string, Readonly<Record<string, TargetConfig>>>> = {
  '310000': { ip_transfer_licence_count: { kind: 'growth', value: 0.25 }, sme_university_patent_count: { kind: 'cumulative', value: 150 } },
  '440300': { pledge_amount_cny: { kind: 'growth', value: 0.35 } },
  '330100': { ip_custody_sme_count: { kind: 'cumulative', value: 600 } },
  '320500': { patent_contract_turnover_cny: { kind: 'growth', value: 0.5 } },
};

export function sampleCityConfig(world: SampleWorld): { readonly cities: readonly SampleCityConfigEntry[] } {
  const years = world.years.length > 0 ? world.years : [world.months[world.months.length - 1]!.year];
  return {
    cities: world.configured.map(({ city }, index) => {
      // Most cities started in the second year of the sample (so the first is their base year); every third a year later.
      const startIndex = Math.min(years.length - 1, index % 3 === 2 ? 2 : 1);
      const programmeStartYear = years[startIndex]!;
      const targets = CUSTOM_TARGETS[city.code];
      return {
        code: city.code,
        name: city.name,
        programme_start_year: programmeStartYear,
        // One city writes its base year out; the others take the default (the year before the start).
        ...(index === 1 ? { base_year: programmeStartYear - 1 } : {}),
        contacts: [`ip-stats-${city.code}@example.gov.cn`],
        ...(targets === undefined ? {} : { targets }),
      };
    }),
  };
}
