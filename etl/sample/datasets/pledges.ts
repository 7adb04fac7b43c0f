/**
 * pledges: IP pledge registrations by enterprises of each city (SMEs mostly), secured amounts
 * from a hundred 万元 to a few hundred million yuan, with the odd change or cancellation.
 */
import type { SampleRecord } from '../csv-rendering.ts';
import { bankBranchName, guarantorName, otherPledgeeName } from '../entity-names.ts';
import { addDays, randomWorkdayInMonth } from '../sample-calendar.ts';
import { SerialCounter } from '../sample-identifiers.ts';
import type { SampleWorld } from '../sample-world.ts';
import type { SamplePatent } from './patents.ts';

const PLEDGES_PER_CITY_MONTH = 3;
const WAN_YUAN_IN_FEN = 1_000_000n;

type PledgeeType = 'bank' | 'guarantor' | 'other';

function listOf(lists: Map<string, string[]>, key: string): string[] {
  const list = lists.get(key) ?? [];
  lists.set(key, list);
  return list;
}

/** Granted patents by applicant USCC and by city, the ones a pledge can name. */
function pledgeablePatents(patents: readonly SamplePatent[]): { byUscc: Map<string, string[]>; byCity: Map<string, string[]> } {
  const byUscc = new Map<string, string[]>();
  const byCity = new Map<string, string[]>();
  for (const patent of patents) {
    if (patent.legalStatus !== 'granted') continue;
    if (patent.applicant.uscc !== null) listOf(byUscc, patent.applicant.uscc).push(patent.applicationNo);
    listOf(byCity, patent.applicant.city.code).push(patent.applicationNo);
  }
  return { byUscc, byCity };
}

/**
 * patent_application_nos: the pledgor's own granted patents, else its city's; as many as the
 * pledge's ip_count for a patent pledge, half of it (at least one) for a mixed one. Drawn from a
 * random of its own, so the other pledge values stay as they were.
 */
export function generatePledges(world: SampleWorld, patents: readonly SamplePatent[] = []): SampleRecord[] {
  const random = world.random.fork('pledges');
  const listRandom = world.random.fork('pledge-patent-lists');
  const pledgeable = pledgeablePatents(patents);
  const serials = new SerialCounter(random.fork('serials'), [1_000, 20_000], 40);
  const records: SampleRecord[] = [];
  for (const month of world.months) {
    for (const cityEntities of world.everyCity) {
      const baseline = cityEntities.configured ? PLEDGES_PER_CITY_MONTH : PLEDGES_PER_CITY_MONTH / 10;
      const count = world.monthlyCount(random, 'pledges', baseline, cityEntities.city, month);
      for (let i = 0; i < count; i++) {
        const pledgor = random.chance(0.8) && cityEntities.smes.length > 0 ? random.pick(cityEntities.smes) : random.pick(cityEntities.enterprises);
        const registrationDate = randomWorkdayInMonth(random, month.year, month.month);
        const pledgeeType = random.weighted<PledgeeType>([{ value: 'bank', weight: 75 }, { value: 'guarantor', weight: 20 }, { value: 'other', weight: 5 }]);
        const pledgeeName = pledgeeType === 'bank' ? bankBranchName(random, cityEntities.city) : pledgeeType === 'guarantor' ? guarantorName(random, cityEntities.city) : otherPledgeeName(random, cityEntities.city);
        // Median 800万元, from 100万元 to 5亿元, in whole 万元 (half a 万元 now and then).
        const wanYuan = Math.min(50_000, Math.max(100, Math.round(random.logNormal(800, 1.1))));
        const amountFen = BigInt(wanYuan) * WAN_YUAN_IN_FEN + (random.chance(0.1) ? WAN_YUAN_IN_FEN / 2n : 0n);
        const ipType = random.weighted([{ value: 'patent', weight: 60 }, { value: 'trademark', weight: 25 }, { value: 'mixed', weight: 15 }]);
        const termStart = random.chance(0.9) ? registrationDate : null;
        const year = Number(registrationDate.slice(0, 4));
        const ipCount = Math.min(60, 1 + Math.floor(random.logNormal(3, 1)));
        const own = pledgor.uscc === null ? [] : (pledgeable.byUscc.get(pledgor.uscc) ?? []);
        const candidates = own.length > 0 ? own : (pledgeable.byCity.get(cityEntities.city.code) ?? []);
        const wanted = ipType === 'trademark' ? 0 : ipType === 'mixed' ? Math.max(1, Math.floor(ipCount / 2)) : ipCount;
        const named = wanted === 0 ? [] : listRandom.shuffle(candidates).slice(0, wanted);
        records.push({
          pledge_id: `Y${year}${cityEntities.city.code.slice(0, 2)}${String(serials.take(String(year))).padStart(7, '0')}`,
          ip_type: ipType,
          ip_count: ipCount,
          registration_date: registrationDate,
          status: random.weighted([{ value: 'registered', weight: 88 }, { value: 'changed', weight: 8 }, { value: 'cancelled', weight: 4 }]),
          pledgor_name: pledgor.name,
          pledgor_uscc: random.chance(0.95) ? pledgor.uscc : null,
          pledgor_city_code: pledgor.adminCode,
          pledgor_is_sme: random.chance(0.9) ? pledgor.isSme : null,
          pledgee_name: pledgeeName,
          pledgee_type: random.chance(0.95) ? pledgeeType : null,
          secured_amount_cny: amountFen,
          term_start: termStart,
          term_end: termStart === null ? null : addDays(termStart, 365 * random.int(1, 3) - 1),
          patent_application_nos: named.length === 0 ? null : named.join(listRandom.chance(0.5) ? '；' : ';'),
        });
      }
    }
  }
  return records;
}
