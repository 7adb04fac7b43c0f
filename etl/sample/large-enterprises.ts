/**
 * The large enterprises of each configured city's register: groups with thousands to tens of
 * thousands of employees, above scale, in every industry class of the sample. They produce most
 * of a class's value added, as real registers of above-scale enterprises do, so that the
 * enterprise method of the patent-intensive statistics lands near the industry method (the small
 * enterprises alone add up to well under 1% of GDP). Drawn from their own random stream after
 * every other entity, so that adding them leaves the rest of the world unchanged.
 */
import type { CatalogueCity } from './city-catalogue.ts';
import { DEMO_PARTIAL_CLASSES } from './demo-classification.ts';
import { largeEnterpriseName, uniqueName } from './entity-names.ts';
import { SAMPLE_INDUSTRY_CLASSES, type SampleIndustryClass } from './industry-classes.ts';
import { techAreaOfIndustry } from './ip-vocabulary.ts';
import { generateUscc } from './sample-identifiers.ts';
import type { SampleEntity } from './sample-world.ts';
import type { SeededRandom } from './seeded-random.ts';

const YUAN_PER_YI = 100_000_000;
/** Value added per employee of a large enterprise, yuan (median). */
const VALUE_ADDED_PER_EMPLOYEE = 700_000;
const MIN_EMPLOYEES = 1_200;
const MAX_EMPLOYEES = 90_000;

/**
 * A big class (construction, real estate, trade) has several groups; most classes one or two. A
 * partial class of the demonstration classification has at least two, one of which holds no
 * patent (large-enterprise-patents.ts), so that the partial-class rule has something to leave out.
 */
export function largeEnterprisesPerClass(industry: SampleIndustryClass): number {
  if (industry.gdpPerMille >= 10) return 3;
  if (industry.gdpPerMille >= 5 || DEMO_PARTIAL_CLASSES.has(industry.code)) return 2;
  return 1;
}

function buildLargeEnterprise(random: SeededRandom, city: CatalogueCity, industry: SampleIndustryClass, expectedValueAdded: number, usedNames: Set<string>): SampleEntity {
  const employees = Math.round(Math.min(MAX_EMPLOYEES, Math.max(MIN_EMPLOYEES, expectedValueAdded / random.logNormal(VALUE_ADDED_PER_EMPLOYEE, 0.35))));
  // Groups register in a district, headquarters in the city's central districts as often as not.
  const adminCode = random.pick(city.districts).code;
  return {
    name: uniqueName(usedNames, () => largeEnterpriseName(random, city, industry.nameWord)),
    uscc: generateUscc(random, 'enterprise', adminCode),
    type: 'enterprise',
    adminCode,
    city,
    isSme: false,
    isAboveScale: true,
    industry,
    employees,
    techArea: techAreaOfIndustry(industry.code),
    patenting: industry.patenting,
  };
}

/** The city's groups, class by class in the order of SAMPLE_INDUSTRY_CLASSES; sizes follow the class's share of the city's 2023 GDP. */
export function buildLargeEnterprises(random: SeededRandom, city: CatalogueCity, usedNames: Set<string>): SampleEntity[] {
  return SAMPLE_INDUSTRY_CLASSES.flatMap((industry) => {
    const count = largeEnterprisesPerClass(industry);
    const classValueAdded = (city.gdp2023Yi * YUAN_PER_YI * industry.gdpPerMille) / 1_000;
    return Array.from({ length: count }, () => buildLargeEnterprise(random, city, industry, (classValueAdded / count) * random.logNormal(1, 0.4), usedNames));
  });
}
