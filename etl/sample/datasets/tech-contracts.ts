/**
 * tech_contracts: registered technology contracts sold by bodies of each city. Most, not all,
 * involve patents; some have no buyer recorded.
 */
import type { SampleRecord } from '../csv-rendering.ts';
import { randomWorkdayInMonth } from '../sample-calendar.ts';
import { SerialCounter } from '../sample-identifiers.ts';
import type { CityEntities, SampleEntity, SampleWorld } from '../sample-world.ts';
import type { SeededRandom } from '../seeded-random.ts';

const CONTRACTS_PER_CITY_MONTH = 10;

function seller(random: SeededRandom, city: CityEntities): SampleEntity {
  const roll = random.next();
  if (roll < 0.6 || city.universities.length === 0) return random.pick(city.enterprises);
  if (roll < 0.8) return random.pick(city.universities);
  if (roll < 0.95) return random.pick(city.institutes);
  return random.pick(city.individuals);
}

export function generateTechContracts(world: SampleWorld): SampleRecord[] {
  const random = world.random.fork('tech_contracts');
  const serials = new SerialCounter(random.fork('serials'), [1, 500], 3);
  const records: SampleRecord[] = [];
  for (const month of world.months) {
    for (const cityEntities of world.everyCity) {
      const baseline = cityEntities.configured ? CONTRACTS_PER_CITY_MONTH : CONTRACTS_PER_CITY_MONTH / 10;
      const count = world.monthlyCount(random, 'contracts', baseline, cityEntities.city, month);
      for (let i = 0; i < count; i++) {
        const from = seller(random, cityEntities);
        const buyerCity = random.chance(0.6) ? cityEntities : random.pick(world.everyCity);
        const buyer = random.chance(0.95) ? random.pick(buyerCity.enterprises) : null;
        const date = randomWorkdayInMonth(random, month.year, month.month);
        const year = date.slice(0, 4);
        // Median 80万元; rounded to the yuan.
        const turnoverYuan = Math.max(5_000, Math.round(random.logNormal(800_000, 1.3)));
        records.push({
          contract_id: `${year}${from.adminCode}${String(serials.take(year + from.adminCode)).padStart(6, '0')}`,
          registration_date: date,
          contract_type: random.weighted([{ value: 'development', weight: 40 }, { value: 'service', weight: 25 }, { value: 'consulting', weight: 10 }, { value: 'transfer', weight: 13 }, { value: 'licence', weight: 12 }]),
          ip_kind: random.weighted([{ value: 'patent', weight: 58 }, { value: 'software', weight: 15 }, { value: 'technical_secret', weight: 14 }, { value: 'ic_layout', weight: 3 }, { value: 'plant_variety', weight: 2 }, { value: 'none', weight: 8 }]),
          seller_name: from.name,
          seller_type: from.type,
          seller_city_code: from.adminCode,
          buyer_name: buyer?.name ?? null,
          buyer_type: buyer?.type ?? null,
          buyer_city_code: buyer?.adminCode ?? null,
          buyer_is_sme: buyer === null ? null : buyer.isSme,
          turnover_cny: BigInt(turnoverYuan) * 100n,
        });
      }
    }
  }
  return records;
}
