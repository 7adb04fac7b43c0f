/**
 * programme_records: the ledger of each configured city's IP operation programme — every kind:
 * certified enterprises and SMEs under custody (many, some entities twice), and the rare
 * securitisation products, navigation projects, operation centres and service platforms.
 */
import type { SampleRecord } from '../csv-rendering.ts';
import { enterpriseName, uniqueName } from '../entity-names.ts';
import { SAMPLE_INDUSTRY_CLASSES } from '../industry-classes.ts';
import { randomWorkdayInMonth, type SampleMonth } from '../sample-calendar.ts';
import { generateUscc } from '../sample-identifiers.ts';
import type { CityEntities, SampleWorld } from '../sample-world.ts';
import type { SeededRandom } from '../seeded-random.ts';

interface LedgerEntity {
  readonly name: string;
  readonly uscc: string | null;
}

/**
 * Entities a programme reaches month after month: mostly new ones (the register's, in random
 * order, then enterprises outside the register), now and then one seen before (a renewal), so
 * that cumulative distinct counts keep growing as they do in a real programme.
 */
class LedgerEntities {
  private next = 0;
  private readonly seen: LedgerEntity[] = [];
  private readonly pool: readonly LedgerEntity[];

  constructor(
    private readonly random: SeededRandom,
    private readonly city: CityEntities,
    candidates: readonly LedgerEntity[],
    private readonly usedNames: Set<string>,
  ) {
    this.pool = random.shuffle(candidates);
  }

  take(): LedgerEntity {
    if (this.seen.length > 0 && this.random.chance(0.1)) return this.random.pick(this.seen);
    const entity = this.pool[this.next] ?? this.outsideRegister();
    this.next++;
    this.seen.push(entity);
    return entity;
  }

  private outsideRegister(): LedgerEntity {
    const industry = this.random.pick(SAMPLE_INDUSTRY_CLASSES);
    const name = uniqueName(this.usedNames, () => enterpriseName(this.random, this.city.city, industry.nameWord));
    return { name, uscc: generateUscc(this.random, 'enterprise', this.random.pick(this.city.city.districts).code) };
  }
}

type ProgrammeKind = 'ip_management_certification' | 'ip_custody' | 'securitization' | 'patent_navigation' | 'operation_centre' | 'service_platform';

/** Records per city over the whole sample for the rare kinds (they do not scale with rowsScale). */
const RARE_KINDS: readonly { kind: ProgrammeKind; perYear: number; amountWan: readonly [number, number] | null }[] = [
  { kind: 'securitization', perYear: 0.7, amountWan: [10_000, 100_000] },
  { kind: 'patent_navigation', perYear: 2.5, amountWan: [50, 300] },
  { kind: 'operation_centre', perYear: 0.8, amountWan: [500, 3_000] },
  { kind: 'service_platform', perYear: 0.5, amountWan: [200, 1_000] },
];
const NAVIGATION_INDUSTRIES = ['集成电路', '生物医药', '新能源汽车', '人工智能', '高端装备', '新材料', '现代农业'];

function rareEntityName(random: SeededRandom, kind: ProgrammeKind, city: CityEntities, year: number, sequence: number): string {
  const industry = random.pick(NAVIGATION_INDUSTRIES);
  switch (kind) {
    case 'securitization':
      return `${city.city.shortName}${industry}知识产权${year}年第${sequence}期资产支持专项计划`;
    case 'patent_navigation':
      return `${city.city.name}${industry}产业专利导航项目`;
    case 'operation_centre':
      return `${city.city.name}${industry}产业知识产权运营中心`;
    default:
      return `${city.city.name}知识产权运营公共服务平台${sequence > 1 ? `（${industry}分平台）` : ''}`;
  }
}

export function generateProgrammeRecords(world: SampleWorld): SampleRecord[] {
  const random = world.random.fork('programme_records');
  const records: SampleRecord[] = [];
  const recordId = (city: CityEntities, date: string): string => `PR${city.city.code}${date.slice(0, 4)}${String(records.length + 1).padStart(6, '0')}`;
  const usedNames = new Set(world.everyCity.flatMap((city) => city.enterprises.map((enterprise) => enterprise.name)));
  for (const city of world.configured) {
    const certified = new LedgerEntities(random, city, city.enterprises, usedNames);
    const custody = new LedgerEntities(random, city, city.smes, usedNames);
    const sequence = new Map<ProgrammeKind, number>();
    const push = (kind: ProgrammeKind, month: SampleMonth, entityName: string, entityUscc: string | null, amountFen: bigint | null): void => {
      const date = randomWorkdayInMonth(random, month.year, month.month);
      records.push({ record_id: recordId(city, date), city_code: city.city.code, kind, entity_name: entityName, entity_uscc: entityUscc, event_date: date, amount_cny: amountFen });
    };
    for (const month of world.months) {
      for (let i = world.monthlyCount(random, 'programme', 6, city.city, month); i > 0; i--) {
        const enterprise = certified.take();
        push('ip_management_certification', month, enterprise.name, random.chance(0.9) ? enterprise.uscc : null, null);
      }
      for (let i = world.monthlyCount(random, 'programme', 10, city.city, month); i > 0; i--) {
        const sme = custody.take();
        const fee = random.chance(0.3) ? BigInt(random.int(1, 10)) * 10_000_00n : null; // 1–10万元 a year
        push('ip_custody', month, sme.name, random.chance(0.85) ? sme.uscc : null, fee);
      }
      for (const rare of RARE_KINDS) {
        if (!random.chance(rare.perYear / 12)) continue;
        const next = (sequence.get(rare.kind) ?? 0) + 1;
        sequence.set(rare.kind, next);
        const amountFen = rare.amountWan === null || random.chance(0.1) ? null : BigInt(random.int(rare.amountWan[0], rare.amountWan[1])) * 1_000_000n;
        push(rare.kind, month, rareEntityName(random, rare.kind, city, month.year, next), null, amountFen);
      }
    }
    // Every city has at least one record of every kind, whatever the dice said: in the last
    // year, so that it falls after any programme start of the sample's city configuration.
    for (const rare of RARE_KINDS) {
      if (sequence.has(rare.kind)) continue;
      const month = random.pick(world.months.slice(-12));
      push(rare.kind, month, rareEntityName(random, rare.kind, city, month.year, 1), null, null);
    }
  }
  return records;
}
