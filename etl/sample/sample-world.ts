/**
 * The synthetic world every dataset draws from: the months, the cities and the bodies in them
 * (enterprises of the register, universities, institutes, public bodies, people). Built once
 * per sample so that patents, events, pledges and accounts all name the same entities.
 */
import { selectCities, type CatalogueCity } from './city-catalogue.ts';
import { associationName, enterpriseName, governmentName, instituteName, personName, uniqueName } from './entity-names.ts';
import { SAMPLE_INDUSTRY_CLASSES, type SampleIndustryClass } from './industry-classes.ts';
import { techAreaOfIndustry, type TechArea } from './ip-vocabulary.ts';
import { buildLargeEnterprises } from './large-enterprises.ts';
import { completeYears, growthFactor, sampleMonths, seasonality, type SampleMonth } from './sample-calendar.ts';
import { generateUscc } from './sample-identifiers.ts';
import type { SampleOptions } from './sample-options.ts';
import { SeededRandom, type Weighted } from './seeded-random.ts';

export type EntityType = 'enterprise' | 'university' | 'research_institute' | 'individual' | 'government' | 'other';

export interface SampleEntity {
  readonly name: string;
  readonly uscc: string | null;
  readonly type: EntityType;
  readonly adminCode: string;
  readonly city: CatalogueCity;
  readonly isSme: boolean | null;
  readonly isAboveScale: boolean | null;
  readonly industry: SampleIndustryClass | null;
  readonly employees: number | null;
  readonly techArea: TechArea;
  /** Relative chance of being the applicant of a patent. */
  readonly patenting: number;
}

export interface CityEntities {
  readonly city: CatalogueCity;
  readonly configured: boolean;
  /**
   * The ordinary enterprises, mostly SMEs (median 70 employees): the parties of patents, marks,
   * deals, pledges and programmes. In configured cities they are part of the enterprise register.
   */
  readonly enterprises: readonly SampleEntity[];
  /**
   * Groups with thousands of employees that make most of each class's value added: the rest of
   * the register of a configured city (empty elsewhere). They hold patents of their own but take
   * no part in deals, pledges or programmes, so that these stay as the SMEs make them.
   */
  readonly largeEnterprises: readonly SampleEntity[];
  readonly smes: readonly SampleEntity[];
  readonly universities: readonly SampleEntity[];
  readonly institutes: readonly SampleEntity[];
  readonly individuals: readonly SampleEntity[];
  readonly publicBodies: readonly SampleEntity[];
  readonly patentApplicants: readonly Weighted<SampleEntity>[];
}

/** What the world depends on: the options without the output folder. */
export type SampleWorldOptions = Omit<SampleOptions, 'outDir'>;

export interface SampleWorld {
  readonly options: SampleWorldOptions;
  readonly random: SeededRandom;
  readonly months: readonly SampleMonth[];
  /** Calendar years with all twelve months in the sample. */
  readonly years: readonly number[];
  /** Last day of the sample: nothing in the extracts is dated later. */
  readonly extractDate: string;
  readonly configured: readonly CityEntities[];
  readonly others: readonly CityEntities[];
  readonly everyCity: readonly CityEntities[];
  /** Annual growth of a topic (patents, pledges …) in a city, drawn once per sample. */
  growthRate(topic: string, cityCode: string): number;
  /**
   * How many records a city has in a month: `baseline` per average city-month at rowsScale 1,
   * scaled by the city's activity, growth, seasonality and ±10% noise.
   */
  monthlyCount(random: SeededRandom, topic: string, baseline: number, city: CatalogueCity, month: SampleMonth): number;
}

const GROWTH_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  patents: [0.06, 0.15],
  trademarks: [0.03, 0.12],
  transfers: [0.12, 0.4],
  pledges: [0.2, 0.5],
  contracts: [0.25, 0.55],
  programme: [0.15, 0.35],
  gi: [0.05, 0.2],
  economy: [0.04, 0.07],
};

function pickDistrict(random: SeededRandom, city: CatalogueCity): string {
  const district = random.pick(city.districts);
  return district.code;
}

function buildEnterprise(random: SeededRandom, city: CatalogueCity, usedNames: Set<string>): SampleEntity {
  const industry = random.weighted(SAMPLE_INDUSTRY_CLASSES.map((value) => ({ value, weight: value.enterpriseWeight })));
  const employees = Math.max(3, Math.round(random.logNormal(70, 1.2)));
  const isSme = employees < 300 ? random.chance(0.97) : random.chance(0.15);
  const aboveScale = employees >= 50 ? random.chance(0.7) : random.chance(0.1);
  // Most enterprises register in a district; a few at the city's own registry.
  const adminCode = random.chance(0.9) ? pickDistrict(random, city) : city.code;
  return {
    name: uniqueName(usedNames, () => enterpriseName(random, city, industry.nameWord)),
    uscc: generateUscc(random, 'enterprise', adminCode),
    type: 'enterprise',
    adminCode,
    city,
    isSme,
    isAboveScale: random.chance(0.9) ? aboveScale : null,
    industry,
    employees: random.chance(0.95) ? employees : null,
    techArea: techAreaOfIndustry(industry.code),
    patenting: industry.patenting * Math.sqrt(employees / 50),
  };
}

function buildOrganisation(random: SeededRandom, city: CatalogueCity, type: EntityType, name: string, patenting: number): SampleEntity {
  const adminCode = pickDistrict(random, city);
  const registrant = type === 'government' ? 'government' : type === 'other' ? 'social_organisation' : 'public_institution';
  const areas: readonly TechArea[] = ['ict', 'equipment', 'materials', 'medical', 'environment'];
  return {
    name,
    uscc: generateUscc(random, registrant, adminCode),
    type,
    adminCode,
    city,
    isSme: null,
    isAboveScale: null,
    industry: null,
    employees: null,
    techArea: random.pick(areas),
    patenting,
  };
}

function buildCityEntities(random: SeededRandom, city: CatalogueCity, configured: boolean, rowsScale: number, usedNames: Set<string>): CityEntities {
  const enterpriseCount = Math.max(configured ? 12 : 5, Math.round((configured ? 220 : 30) * city.activity * rowsScale));
  const enterprises = Array.from({ length: enterpriseCount }, () => buildEnterprise(random, city, usedNames));
  const universities = city.universities.map((name) => buildOrganisation(random, city, 'university', name, 30));
  const institutes = Array.from({ length: 3 }, () => buildOrganisation(random, city, 'research_institute', uniqueName(usedNames, () => instituteName(random, city)), 8));
  const publicBodies = [
    ...Array.from({ length: 2 }, () => {
      const district = random.pick(city.districts);
      return buildOrganisation(random, city, 'government', uniqueName(usedNames, () => governmentName(random, city, district.name)), 0.5);
    }),
    ...Array.from({ length: 2 }, () => buildOrganisation(random, city, 'other', uniqueName(usedNames, () => associationName(random, city)), 0.5)),
  ];
  const individuals = Array.from({ length: Math.max(10, Math.round(40 * rowsScale)) }, (): SampleEntity => {
    const adminCode = pickDistrict(random, city);
    return { name: personName(random), uscc: null, type: 'individual', adminCode, city, isSme: null, isAboveScale: null, industry: null, employees: null, techArea: random.pick(['consumer', 'equipment', 'ict'] as const), patenting: 0.4 };
  });
  const applicants = [...enterprises, ...universities, ...institutes, ...publicBodies, ...individuals];
  return {
    city,
    configured,
    enterprises,
    largeEnterprises: [],
    smes: enterprises.filter((enterprise) => enterprise.isSme === true),
    universities,
    institutes,
    individuals,
    publicBodies,
    patentApplicants: applicants.map((value) => ({ value, weight: value.patenting })),
  };
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function buildSampleWorld(options: SampleWorldOptions): SampleWorld {
  const random = new SeededRandom(options.seed);
  const entityRandom = random.fork('entities');
  const months = sampleMonths(options.endPeriod, options.months);
  const lastMonth = months[months.length - 1]!;
  const { configured, others } = selectCities(options.cities);
  const usedNames = new Set<string>();
  const configuredEntities = configured.map((city) => buildCityEntities(entityRandom, city, true, options.rowsScale, usedNames));
  const otherEntities = others.map((city) => buildCityEntities(entityRandom, city, false, options.rowsScale, usedNames));
  // Built last, from their own stream: every other entity keeps its name and identifiers.
  const largeRandom = random.fork('large_enterprises');
  const configuredWithLarge = configuredEntities.map((entities) => ({ ...entities, largeEnterprises: buildLargeEnterprises(largeRandom, entities.city, usedNames) }));
  const growthRandom = random.fork('growth');
  const growth = new Map<string, number>();
  const growthRate = (topic: string, cityCode: string): number => {
    const key = `${topic}:${cityCode}`;
    let rate = growth.get(key);
    if (rate === undefined) {
      const [low, high] = GROWTH_RANGES[topic] ?? [0.05, 0.2];
      rate = low + growthRandom.fork(key).next() * (high - low);
      growth.set(key, rate);
    }
    return rate;
  };
  return {
    options,
    random,
    months,
    years: completeYears(months),
    extractDate: lastDayOfMonth(lastMonth.year, lastMonth.month),
    configured: configuredWithLarge,
    others: otherEntities,
    everyCity: [...configuredWithLarge, ...otherEntities],
    growthRate,
    monthlyCount(countRandom, topic, baseline, city, month) {
      const expected = baseline * city.activity * options.rowsScale * seasonality(month.month) * growthFactor(month.offset, growthRate(topic, city.code));
      return countRandom.count(expected * countRandom.logNormal(1, 0.1));
    },
  };
}
