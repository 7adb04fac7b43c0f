/** trademarks: applications of every city of the sample, most registered 6–13 months later. */
import type { SampleRecord } from '../csv-rendering.ts';
import { markName } from '../entity-names.ts';
import { NICE_CLASS_WEIGHTS } from '../ip-vocabulary.ts';
import { addDays, randomWorkdayInMonth } from '../sample-calendar.ts';
import { SerialCounter } from '../sample-identifiers.ts';
import type { SampleEntity, SampleWorld } from '../sample-world.ts';
import type { EventSubject } from './ip-events.ts';

const APPLICATIONS_PER_CITY_MONTH = 30;
/** Marks filed before the sample window, so that deals can name registered marks from its first month on. */
const BACKLOG_MONTHS = 12;

type MarkStatus = 'pending' | 'registered' | 'invalidated';

export interface SampleTrademark {
  readonly registrationNo: string;
  readonly applicationDate: string;
  readonly registered: boolean;
  readonly applicant: SampleEntity;
  readonly record: SampleRecord;
}

export function generateTrademarks(world: SampleWorld): SampleTrademark[] {
  const random = world.random.fork('trademarks');
  const serials = new SerialCounter(random.fork('serials'), [55_000_000, 65_000_000], Math.max(1, Math.floor(2_000 / world.options.rowsScale)));
  const marks: SampleTrademark[] = [];
  const firstYear = world.months[0]!.year;
  for (const cityEntities of world.everyCity) {
    const backlog = Math.round(APPLICATIONS_PER_CITY_MONTH * cityEntities.city.activity * world.options.rowsScale * (cityEntities.configured ? BACKLOG_MONTHS : 1));
    for (let i = 0; i < backlog; i++) {
      const applicant = random.pick(cityEntities.enterprises);
      const applicationDate = randomWorkdayInMonth(random, firstYear - random.int(2, 4), random.int(1, 12));
      const registrationDate = addDays(applicationDate, random.int(180, 400));
      const registrationNo = String(serials.take('mark'));
      marks.push({
        registrationNo,
        applicationDate,
        registered: true,
        applicant,
        record: {
          registration_no: registrationNo,
          nice_class: random.weighted(NICE_CLASS_WEIGHTS),
          mark_name: markName(random),
          mark_kind: 'ordinary',
          applicant_name: applicant.name,
          applicant_uscc: applicant.uscc,
          applicant_type: applicant.type,
          city_code: applicant.adminCode,
          application_date: applicationDate,
          registration_date: registrationDate,
          status: 'registered',
        },
      });
    }
  }
  for (const month of world.months) {
    for (const cityEntities of world.everyCity) {
      const baseline = cityEntities.configured ? APPLICATIONS_PER_CITY_MONTH : APPLICATIONS_PER_CITY_MONTH / 7;
      const count = world.monthlyCount(random, 'trademarks', baseline, cityEntities.city, month);
      const associations = cityEntities.publicBodies.filter((body) => body.type === 'other');
      for (let i = 0; i < count; i++) {
        const roll = random.next();
        const applicant = roll < 0.83 ? random.pick(cityEntities.enterprises) : roll < 0.97 ? random.pick(cityEntities.individuals) : random.pick(associations);
        // Associations file collective and certification marks (GI products among them).
        const kind = applicant.type === 'other' ? (random.chance(0.5) ? 'certification' : 'collective') : 'ordinary';
        const applicationDate = randomWorkdayInMonth(random, month.year, month.month);
        const candidateRegistration = addDays(applicationDate, random.int(180, 400));
        const registered = candidateRegistration <= world.extractDate && random.chance(0.9);
        const status: MarkStatus = registered ? (random.chance(0.98) ? 'registered' : 'invalidated') : random.chance(0.08) ? 'invalidated' : 'pending';
        const registrationNo = String(serials.take('mark'));
        marks.push({
          registrationNo,
          applicationDate,
          registered,
          applicant,
          record: {
            registration_no: registrationNo,
            nice_class: random.weighted(NICE_CLASS_WEIGHTS),
            mark_name: random.chance(0.97) ? markName(random) : null,
            mark_kind: kind,
            applicant_name: applicant.name,
            applicant_uscc: applicant.uscc !== null && random.chance(0.9) ? applicant.uscc : null,
            applicant_type: applicant.type,
            city_code: applicant.adminCode,
            application_date: applicationDate,
            registration_date: registered ? candidateRegistration : null,
            status,
          },
        });
      }
    }
  }
  return marks;
}

export function trademarkSubjects(marks: readonly SampleTrademark[]): EventSubject[] {
  return marks.map((mark) => ({ id: mark.registrationNo, date: mark.applicationDate, holder: mark.applicant, licensable: mark.registered }));
}
