/**
 * Transfers and licence recordals of patents or trademarks (the same columns, one subject
 * column apart). Each configured city records outflows and local deals of its own IP and
 * inflows from other cities; universities mostly transfer to SMEs, which is what the
 * SME–university indicator counts. Counterparty cities add a few deals among themselves.
 */
import type { SampleRecord } from '../csv-rendering.ts';
import { addDays, randomWorkdayInMonth } from '../sample-calendar.ts';
import type { CityEntities, SampleEntity, SampleWorld } from '../sample-world.ts';
import type { SeededRandom } from '../seeded-random.ts';

/** Something a deal can be about: a patent or a registered mark, with its current holder. */
export interface EventSubject {
  readonly id: string;
  /** Filing date: a deal comes at least a month later. */
  readonly date: string;
  readonly holder: SampleEntity;
  readonly licensable: boolean;
}

export interface IpEventsSettings {
  readonly topic: string;
  /** Column naming the subject: application_no or registration_no. */
  readonly subjectColumn: string;
  readonly dealsPerCityMonth: number;
  readonly subjects: readonly EventSubject[];
  eventId(kind: 'transfer' | 'licence', year: number): string;
  /** How the subject id is written in the extract (e.g. with a CN prefix now and then). */
  subjectText(random: SeededRandom, subject: EventSubject): string;
}

type LicenceType = 'exclusive' | 'sole' | 'ordinary' | 'other';

/** Subjects of each city sorted by date, so that "filed before" is a prefix. */
function subjectsByCity(subjects: readonly EventSubject[]): Map<string, EventSubject[]> {
  const byCity = new Map<string, EventSubject[]>();
  for (const subject of subjects) {
    const list = byCity.get(subject.holder.city.code) ?? [];
    list.push(subject);
    byCity.set(subject.holder.city.code, list);
  }
  for (const list of byCity.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return byCity;
}

function countFiledBefore(sorted: readonly EventSubject[], latestDate: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.date <= latestDate) low = middle + 1;
    else high = middle;
  }
  return low;
}

function pickSubject(random: SeededRandom, pool: readonly EventSubject[] | undefined, latestDate: string, wantLicensable: boolean): EventSubject | undefined {
  if (pool === undefined) return undefined;
  const available = countFiledBefore(pool, latestDate);
  if (available === 0) return undefined;
  let subject = pool[random.int(0, available - 1)]!;
  for (let attempt = 0; attempt < 3 && wantLicensable && !subject.licensable; attempt++) subject = pool[random.int(0, available - 1)]!;
  return subject;
}

function pickEnterprise(random: SeededRandom, city: CityEntities, preferSme: boolean, not: SampleEntity): SampleEntity {
  const pool = preferSme && city.smes.length > 0 ? city.smes : city.enterprises;
  let chosen = random.pick(pool);
  if (chosen === not && pool.length > 1) chosen = random.pick(pool.filter((entity) => entity !== not));
  return chosen;
}

function otherCity(random: SeededRandom, world: SampleWorld, not: CityEntities): CityEntities {
  return random.weighted(world.everyCity.filter((city) => city !== not).map((value) => ({ value, weight: value.city.activity })));
}

function contractAmountFen(random: SeededRandom, kind: 'transfer' | 'licence'): bigint | null {
  if (!random.chance(kind === 'licence' ? 0.75 : 0.45)) return null;
  // Median 30万元; rounded to 100 yuan, as contracts state them.
  const yuan = Math.max(1_000, Math.round(random.logNormal(300_000, 1.2) / 100) * 100);
  return BigInt(yuan) * 100n;
}

function eventRecord(random: SeededRandom, settings: IpEventsSettings, subject: EventSubject, date: string, from: SampleEntity, to: SampleEntity, kind: 'transfer' | 'licence'): SampleRecord {
  const licenceType: LicenceType | null = kind === 'licence'
    ? random.weighted<LicenceType>([{ value: 'ordinary', weight: 60 }, { value: 'exclusive', weight: 25 }, { value: 'sole', weight: 10 }, { value: 'other', weight: 5 }])
    : null;
  return {
    event_id: settings.eventId(kind, Number(date.slice(0, 4))),
    [settings.subjectColumn]: settings.subjectText(random, subject),
    event_type: kind,
    licence_type: licenceType,
    effective_date: date,
    from_name: from.name,
    from_uscc: from.uscc !== null && random.chance(0.9) ? from.uscc : null,
    from_type: from.type,
    from_city_code: from.adminCode,
    to_name: to.name,
    to_uscc: to.uscc !== null && random.chance(0.9) ? to.uscc : null,
    to_type: to.type,
    to_city_code: to.adminCode,
    to_is_sme: to.isSme !== null && random.chance(0.9) ? to.isSme : null,
    contract_amount_cny: contractAmountFen(random, kind),
  };
}

export function generateIpEvents(world: SampleWorld, settings: IpEventsSettings): SampleRecord[] {
  const random = world.random.fork(settings.topic);
  const byCity = subjectsByCity(settings.subjects);
  const academicByCity = subjectsByCity(settings.subjects.filter((subject) => subject.holder.type === 'university' || subject.holder.type === 'research_institute'));
  const records: SampleRecord[] = [];
  for (const month of world.months) {
    for (const cityEntities of world.everyCity) {
      const baseline = cityEntities.configured ? settings.dealsPerCityMonth : settings.dealsPerCityMonth / 10;
      const count = world.monthlyCount(random, 'transfers', baseline, cityEntities.city, month);
      for (let i = 0; i < count; i++) {
        const date = randomWorkdayInMonth(random, month.year, month.month);
        const kind = random.chance(0.65) ? 'transfer' : 'licence';
        const latestFiling = addDays(date, -30);
        const inflow = cityEntities.configured && random.chance(0.4);
        if (inflow) {
          const source = otherCity(random, world, cityEntities);
          const subject = pickSubject(random, byCity.get(source.city.code), latestFiling, kind === 'licence');
          if (subject === undefined) continue;
          const to = pickEnterprise(random, cityEntities, subject.holder.type !== 'enterprise', subject.holder);
          records.push(eventRecord(random, settings, subject, date, subject.holder, to, kind));
          continue;
        }
        const academic = random.chance(0.3);
        const pool = academic ? (academicByCity.get(cityEntities.city.code) ?? byCity.get(cityEntities.city.code)) : byCity.get(cityEntities.city.code);
        const subject = pickSubject(random, pool, latestFiling, kind === 'licence');
        if (subject === undefined) continue;
        const fromAcademia = subject.holder.type === 'university' || subject.holder.type === 'research_institute';
        const targetCity = random.chance(fromAcademia ? 0.8 : 0.7) || !cityEntities.configured ? cityEntities : otherCity(random, world, cityEntities);
        const to = pickEnterprise(random, targetCity, fromAcademia, subject.holder);
        records.push(eventRecord(random, settings, subject, date, subject.holder, to, kind));
      }
    }
  }
  return records;
}
