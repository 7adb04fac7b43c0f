/**
 * gi_products and gi_output: the GI products of the sample's cities and the monthly output
 * their authorised users report, following each product's season. A few producers do not use
 * the special mark, and a few rows name a GI id that is not in the product list: both are
 * valid rows that the GI statistics must leave out.
 */
import type { SampleRecord } from '../csv-rendering.ts';
import { brand } from '../entity-names.ts';
import { GI_CATALOGUE, type GiCatalogueEntry } from '../gi-catalogue.ts';
import { growthFactor, isoPeriod, randomWorkdayInMonth } from '../sample-calendar.ts';
import { generateUscc } from '../sample-identifiers.ts';
import type { CityEntities, SampleWorld } from '../sample-world.ts';
import type { SeededRandom } from '../seeded-random.ts';

export interface GiSample {
  readonly products: SampleRecord[];
  readonly output: SampleRecord[];
}

interface Producer {
  readonly name: string;
  readonly uscc: string;
  readonly adminCode: string;
  readonly usesMark: boolean;
  readonly annualOutputYuan: number;
}

/** GI ids the way each register writes them: product announcements, AGI certificates, mark numbers. */
function giId(random: SeededRandom, entry: GiCatalogueEntry, index: number): string {
  if (entry.protectionType === 'product') return `PGI-${entry.approvalYear}-${String(index + 1).padStart(3, '0')}`;
  // Spaced by the catalogue index so that two products never draw the same id.
  if (entry.protectionType === 'agricultural') return `AGI${String(1_000 + index * 40 + random.int(0, 39)).padStart(5, '0')}`;
  return String(3_000_000 + index * 150_000 + random.int(0, 149_999));
}

function producersOf(random: SeededRandom, world: SampleWorld, entry: GiCatalogueEntry, city: CityEntities): Producer[] {
  const districtName = city.city.districts.find((district) => district.code === entry.adminCode)?.name ?? '';
  // 6–14 authorised users per product at rowsScale 1; at least one.
  const count = Math.max(1, Math.round(random.int(3, 7) * 2 * world.options.rowsScale));
  const annualMedian = entry.unitPriceYuan > 1_000 ? 5_000_000 : 2_000_000;
  return Array.from({ length: count }, (_, index): Producer => {
    const usesMark = random.chance(0.88);
    const annualOutputYuan = random.logNormal(annualMedian, 0.8);
    if (index % 2 === 0 || !city.configured) {
      // Farmers' cooperatives: the typical authorised users, not in the enterprise register.
      const name = `${city.city.name}${districtName}${brand(random)}${entry.category}专业合作社`;
      return { name, uscc: generateUscc(random, 'cooperative', entry.adminCode), adminCode: entry.adminCode, usesMark, annualOutputYuan };
    }
    const enterprise = random.pick(city.enterprises);
    return { name: enterprise.name, uscc: enterprise.uscc!, adminCode: enterprise.adminCode, usesMark, annualOutputYuan };
  });
}

export function generateGeographicIndications(world: SampleWorld): GiSample {
  const random = world.random.fork('gi');
  const products: SampleRecord[] = [];
  const output: SampleRecord[] = [];
  const producerPeriods: { producer: Producer; period: string }[] = [];
  const citiesWithAProduct = new Set<string>();
  GI_CATALOGUE.forEach((entry, index) => {
    const city = world.everyCity.find((candidate) => candidate.city.districts.some((district) => district.code === entry.adminCode));
    if (city === undefined || (!city.configured && index % 2 === 1)) return;
    const id = giId(random, entry, index);
    products.push({
      gi_id: id,
      name: entry.name,
      protection_type: entry.protectionType,
      city_code: entry.adminCode,
      category: entry.category,
      approval_date: randomWorkdayInMonth(random, entry.approvalYear, random.int(1, 12)),
      // The first product of each city is in the promotion project, so every city has GI figures to report.
      in_promotion_project: citiesWithAProduct.has(city.city.code) ? random.chance(0.5) : true,
    });
    citiesWithAProduct.add(city.city.code);
    const seasonTotal = entry.season.reduce((sum, weight) => sum + weight, 0);
    const growth = world.growthRate('gi', city.city.code);
    for (const producer of producersOf(random, world, entry, city)) {
      for (const month of world.months) {
        const weight = entry.season[month.month - 1] ?? 0;
        if (weight === 0) continue;
        const valueYuan = Math.round((producer.annualOutputYuan * weight * growthFactor(month.offset, growth) * random.logNormal(1, 0.15)) / seasonTotal);
        const period = isoPeriod(month.year, month.month);
        const withQuantity = random.chance(0.9);
        output.push({
          gi_id: id,
          producer_name: producer.name,
          producer_uscc: producer.uscc,
          city_code: producer.adminCode,
          period,
          output_value_cny: BigInt(valueYuan) * 100n,
          quantity: withQuantity ? (valueYuan / entry.unitPriceYuan).toFixed(1) : null,
          unit: withQuantity ? entry.unit : null,
          uses_special_mark: producer.usesMark,
        });
        producerPeriods.push({ producer, period });
      }
    }
  });
  // A few rows under GI ids that no product carries (typed wrong at the source, or not yet announced).
  const unknownGiIdRows = Math.max(2, Math.round(output.length * 0.003));
  for (let i = 0; i < unknownGiIdRows && producerPeriods.length > 0; i++) {
    const { producer, period } = random.pick(producerPeriods);
    output.push({
      gi_id: `AGI9${String(i).padStart(4, '0')}`,
      producer_name: producer.name,
      producer_uscc: producer.uscc,
      city_code: producer.adminCode,
      period,
      output_value_cny: BigInt(Math.round(random.logNormal(100_000, 0.8))) * 100n,
      quantity: null,
      unit: null,
      uses_special_mark: true,
    });
  }
  return { products, output };
}
