/**
 * patents: filings of every city of the sample month by month, plus a backlog of older, mostly
 * granted patents filed in the four years before, which transfers and licences can name.
 */
import type { SampleRecord } from '../csv-rendering.ts';
import { patentTitle, TECH_AREAS } from '../ip-vocabulary.ts';
import { addDays, randomWorkdayInMonth } from '../sample-calendar.ts';
import { applicationNumber, SerialCounter, type PatentType } from '../sample-identifiers.ts';
import type { SampleEntity, SampleWorld } from '../sample-world.ts';
import type { SeededRandom } from '../seeded-random.ts';
import type { EventSubject } from './ip-events.ts';

/** Filings per average configured city-month at rowsScale 1 (other cities file a seventh of that). */
const FILINGS_PER_CITY_MONTH = 30;
const BACKLOG_MONTHS = 8;

export type LegalStatus = 'pending' | 'granted' | 'lapsed' | 'invalidated' | 'expired';

export interface SamplePatent {
  readonly applicationNo: string;
  readonly type: PatentType;
  readonly applicationDate: string;
  readonly grantDate: string | null;
  readonly legalStatus: LegalStatus;
  readonly applicant: SampleEntity;
  readonly record: SampleRecord;
}

function patentTypeFor(random: SeededRandom, applicant: SampleEntity): PatentType {
  if (applicant.type === 'university' || applicant.type === 'research_institute') {
    return random.weighted<PatentType>([{ value: 'invention', weight: 85 }, { value: 'utility_model', weight: 13 }, { value: 'design', weight: 2 }]);
  }
  if (applicant.type === 'individual') {
    return random.weighted<PatentType>([{ value: 'invention', weight: 15 }, { value: 'utility_model', weight: 50 }, { value: 'design', weight: 35 }]);
  }
  return random.weighted<PatentType>([{ value: 'invention', weight: 35 }, { value: 'utility_model', weight: 48 }, { value: 'design', weight: 17 }]);
}

/** Days from filing to grant: inventions are examined for years, utility models and designs for months. */
export function grantLagDays(random: SeededRandom, type: PatentType): number {
  if (type === 'invention') return random.int(400, 1100);
  if (type === 'utility_model') return random.int(150, 360);
  return random.int(90, 240);
}

function buildPatent(random: SeededRandom, serials: SerialCounter, applicant: SampleEntity, applicationDate: string, extractDate: string): SamplePatent {
  const type = patentTypeFor(random, applicant);
  const year = Number(applicationDate.slice(0, 4));
  const applicationNo = applicationNumber(year, type, serials.take(`${year}:${type}`));
  const candidateGrant = addDays(applicationDate, grantLagDays(random, type));
  const granted = candidateGrant <= extractDate && random.chance(type === 'invention' ? 0.75 : 0.96);
  const legalStatus: LegalStatus = granted
    ? random.weighted<LegalStatus>([{ value: 'granted', weight: 93 }, { value: 'lapsed', weight: 6 }, { value: 'invalidated', weight: 1 }])
    : random.chance(0.05)
      ? 'lapsed'
      : 'pending';
  const grantDate = granted ? candidateGrant : null;
  return describePatent(random, { applicationNo, type, applicationDate, grantDate, legalStatus, applicant });
}

/**
 * The high-value flags (docs/high-value-patents.md), drawn from a random of the patent's own, so
 * that adding them left every other sample value as it was. Shares are sample data, chosen near
 * CNIPA's national picture (about 4 in 10 valid inventions high-value, most by strategic industry).
 */
function highValueFlags(random: SeededRandom, applicationNo: string): SampleRecord {
  const own = random.fork(`high-value:${applicationNo}`);
  return { strategic_emerging: own.chance(0.3), overseas_family: own.chance(0.08), award: own.chance(0.005) };
}

/** What a patent is, before its extract row is written. */
export type PatentFacts = Omit<SamplePatent, 'record'>;

/** The extract row of a patent: IPC class, title and the spellings of an export. */
export function describePatent(random: SeededRandom, facts: PatentFacts): SamplePatent {
  const { applicationNo, type, applicationDate, grantDate, legalStatus, applicant } = facts;
  let ipc: string | null = null;
  if (type !== 'design' && random.chance(0.97)) {
    ipc = random.pick(TECH_AREAS[applicant.techArea].ipcSymbols) + (random.chance(0.05) ? '(2006.01)' : '');
  }
  const record: SampleRecord = {
    application_no: (random.chance(0.3) ? 'CN' : '') + applicationNo,
    patent_type: type,
    title: patentTitle(random, applicant.techArea, type),
    application_date: applicationDate,
    grant_date: grantDate,
    legal_status: legalStatus,
    applicant_name: applicant.name,
    applicant_uscc: applicant.uscc !== null && random.chance(0.92) ? applicant.uscc : null,
    applicant_type: applicant.type,
    city_code: applicant.adminCode,
    ipc_main: ipc,
    ...highValueFlags(random, applicationNo),
  };
  return { applicationNo, type, applicationDate, grantDate, legalStatus, applicant, record };
}

export function generatePatents(world: SampleWorld): SamplePatent[] {
  const random = world.random.fork('patents');
  const serials = new SerialCounter(random.fork('serials'), [100_000, 600_000], Math.max(1, Math.floor(150 / world.options.rowsScale)));
  const firstYear = world.months[0]!.year;
  const patents: SamplePatent[] = [];
  for (const cityEntities of world.everyCity) {
    const backlog = Math.round(FILINGS_PER_CITY_MONTH * cityEntities.city.activity * world.options.rowsScale * (cityEntities.configured ? BACKLOG_MONTHS : 1));
    for (let i = 0; i < backlog; i++) {
      const applicant = random.weighted(cityEntities.patentApplicants);
      const date = randomWorkdayInMonth(random, firstYear - random.int(1, 4), random.int(1, 12));
      patents.push(buildPatent(random, serials, applicant, date, world.extractDate));
    }
  }
  for (const month of world.months) {
    for (const cityEntities of world.everyCity) {
      const baseline = cityEntities.configured ? FILINGS_PER_CITY_MONTH : FILINGS_PER_CITY_MONTH / 7;
      const count = world.monthlyCount(random, 'patents', baseline, cityEntities.city, month);
      for (let i = 0; i < count; i++) {
        const applicant = random.weighted(cityEntities.patentApplicants);
        patents.push(buildPatent(random, serials, applicant, randomWorkdayInMonth(random, month.year, month.month), world.extractDate));
      }
    }
  }
  return patents;
}

export function patentSubjects(patents: readonly SamplePatent[]): EventSubject[] {
  return patents.map((patent) => ({ id: patent.applicationNo, date: patent.applicationDate, holder: patent.applicant, licensable: patent.grantDate !== null }));
}
