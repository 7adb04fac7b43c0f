/**
 * Patents of the register's large enterprises, as ordinary `patents` rows with the group's USCC
 * as applicant. Most groups of patenting classes hold a few, the first of them an invention
 * granted before the sample's first complete year, so that a group of a partial
 * patent-intensive class counts in every year (docs/patent-intensive.md). They are kept apart
 * from the ordinary patents: no transfer or licence names them, so deals stay as before.
 */
import { DEMO_PARTIAL_CLASSES } from '../demo-classification.ts';
import { addDays, randomWorkdayInMonth } from '../sample-calendar.ts';
import { applicationNumber, SerialCounter, type PatentType } from '../sample-identifiers.ts';
import type { SampleEntity, SampleWorld } from '../sample-world.ts';
import type { SeededRandom } from '../seeded-random.ts';
import { describePatent, grantLagDays, type LegalStatus, type SamplePatent } from './patents.ts';

/** Classes whose enterprises patent less than this (trade, real estate, construction) leave their groups without patents. */
const MIN_PATENTING = 1;
const HOLDER_SHARE = 0.8;
const MAX_PATENTS = 6;
const BACKLOG_YEARS = 4;
/** Serials far above the ordinary patents' (which start below 600,000), so the two never meet. */
const SERIAL_START: readonly [number, number] = [2_000_000, 2_400_000];

interface FilingMonth {
  readonly year: number;
  readonly month: number;
}

function filingMonths(world: SampleWorld): FilingMonth[] {
  const firstYear = world.months[0]!.year;
  const backlog = Array.from({ length: BACKLOG_YEARS * 12 }, (_, index) => ({ year: firstYear - BACKLOG_YEARS + Math.floor(index / 12), month: (index % 12) + 1 }));
  return [...backlog, ...world.months.map(({ year, month }) => ({ year, month }))];
}

/** An invention filed in the backlog's first two years and granted within 900 days: in force before the first complete year. */
function anchorPatent(random: SeededRandom, serials: SerialCounter, applicant: SampleEntity, firstYear: number): SamplePatent {
  const year = firstYear - BACKLOG_YEARS + random.int(0, 1);
  const applicationDate = randomWorkdayInMonth(random, year, random.int(1, 12));
  const applicationNo = applicationNumber(year, 'invention', serials.take(`${year}:invention`));
  return describePatent(random, { applicationNo, type: 'invention', applicationDate, grantDate: addDays(applicationDate, random.int(400, 900)), legalStatus: 'granted', applicant });
}

function laterPatent(random: SeededRandom, serials: SerialCounter, applicant: SampleEntity, filing: FilingMonth, extractDate: string): SamplePatent {
  const type: PatentType = random.chance(0.75) ? 'invention' : 'utility_model';
  const applicationDate = randomWorkdayInMonth(random, filing.year, filing.month);
  const applicationNo = applicationNumber(filing.year, type, serials.take(`${filing.year}:${type}`));
  const candidateGrant = addDays(applicationDate, grantLagDays(random, type));
  const granted = candidateGrant <= extractDate && random.chance(type === 'invention' ? 0.8 : 0.96);
  const legalStatus: LegalStatus = granted ? (random.chance(0.95) ? 'granted' : 'lapsed') : 'pending';
  return describePatent(random, { applicationNo, type, applicationDate, grantDate: granted ? candidateGrant : null, legalStatus, applicant });
}

/**
 * In a partial class of the demonstration classification the city's first group holds patents and
 * its second does not (the share of the class that counts is then neither 0 nor 1); elsewhere a
 * group holds patents by chance.
 */
function holdsPatents(random: SeededRandom, enterprise: SampleEntity, indexInClass: number): boolean {
  if (enterprise.patenting < MIN_PATENTING) return false;
  if (DEMO_PARTIAL_CLASSES.has(enterprise.industry!.code) && indexInClass < 2) return indexInClass === 0;
  return random.chance(HOLDER_SHARE);
}

export function generateLargeEnterprisePatents(world: SampleWorld): SamplePatent[] {
  const random = world.random.fork('large_enterprise_patents');
  const serials = new SerialCounter(random.fork('serials'), SERIAL_START, 40);
  const firstYear = world.months[0]!.year;
  const months = filingMonths(world);
  const patents: SamplePatent[] = [];
  for (const city of world.configured) {
    const seenInClass = new Map<string, number>();
    for (const enterprise of city.largeEnterprises) {
      const indexInClass = seenInClass.get(enterprise.industry!.code) ?? 0;
      seenInClass.set(enterprise.industry!.code, indexInClass + 1);
      if (!holdsPatents(random, enterprise, indexInClass)) continue;
      const count = Math.min(MAX_PATENTS, Math.max(1, Math.round(enterprise.patenting * random.logNormal(1, 0.4))));
      const own = [anchorPatent(random, serials, enterprise, firstYear), ...Array.from({ length: count - 1 }, () => laterPatent(random, serials, enterprise, random.pick(months), world.extractDate))];
      // A group always files under its USCC.
      patents.push(...own.map((patent) => ({ ...patent, record: { ...patent.record, applicant_uscc: enterprise.uscc } })));
    }
  }
  return patents;
}
