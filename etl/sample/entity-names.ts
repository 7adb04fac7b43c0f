/**
 * Realistic Chinese names for synthetic enterprises, institutes, public bodies, people, banks and
 * marks. Names are generated, not taken from registers (universities excepted: they are public
 * institutions that every city's figures name).
 */
import type { CatalogueCity } from './city-catalogue.ts';
import type { SeededRandom } from './seeded-random.ts';

const BRAND_SYLLABLES = [...'华恒瑞达鑫科创远盛博锐泰联星诺凯智云海信德隆新天宇中欣迈澜晟睿卓越弘宏英腾飞翔嘉安康源力航汇众合光芯微易'];
const ENTERPRISE_SUFFIXES = ['有限公司', '有限公司', '科技有限公司', '股份有限公司', '技术有限公司', '集团有限公司'];
const LARGE_ENTERPRISE_SUFFIXES = ['集团股份有限公司', '控股集团有限公司', '集团股份有限公司'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'];
const GIVEN_NAME_CHARS = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华慧建国文斌宇浩凯鹏晨欣怡佳婷子轩博雪琳晓海鑫亮俊辉志红'];
const INSTITUTE_FIELDS = ['先进技术', '智能制造', '新材料', '生物医药', '集成电路', '人工智能', '精密仪器', '海洋工程', '环境科学', '农业科学', '工业技术', '信息技术'];
const GOVERNMENT_OFFICES = ['农业农村局', '水务局', '气象局', '市场监督管理局', '生态环境局', '交通运输局'];
const ASSOCIATIONS = ['产业技术创新联盟', '知识产权保护协会', '科技创新促进会', '行业协会'];
const BANKS = ['中国工商银行', '中国建设银行', '中国银行', '中国农业银行', '交通银行', '招商银行', '浦发银行', '兴业银行', '中信银行', '北京银行', '上海银行', '杭州银行', '宁波银行', '邮储银行'];
const GUARANTORS = ['中小企业融资担保有限公司', '高新投融资担保有限公司', '科技融资担保有限公司'];
const OTHER_PLEDGEES = ['小额贷款有限公司', '融资租赁有限公司', '知识产权运营基金（有限合伙）'];
const MARK_LATIN = ['TECH', 'SMART', 'PRO', 'LINK', 'MAX', 'ONE', 'GO', 'PLUS'];

export function brand(random: SeededRandom): string {
  return random.pick(BRAND_SYLLABLES) + random.pick(BRAND_SYLLABLES);
}

/** Draws names until one is new: a register never holds the same name twice. */
export function uniqueName(used: Set<string>, draw: () => string): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = draw();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error(`uniqueName: no new name after 50 draws (${used.size} names used); the name space is too small for this rowsScale`);
}

export function enterpriseName(random: SeededRandom, city: CatalogueCity, nameWord: string): string {
  const place = random.chance(0.6) ? city.name : city.shortName;
  let suffix = random.pick(ENTERPRISE_SUFFIXES);
  if (nameWord.endsWith('科技') && suffix.startsWith('科技')) suffix = '有限公司';
  // A few names carry a branch in brackets, a spelling that exports keep as given.
  const branch = random.chance(0.03) ? `（${city.shortName}）` : '';
  const longBrand = random.chance(0.3) ? brand(random) : '';
  return `${place}${brand(random)}${longBrand}${nameWord}${suffix}${branch}`;
}

/** A group's name: its suffixes are never drawn for ordinary enterprises, so the two cannot collide. */
export function largeEnterpriseName(random: SeededRandom, city: CatalogueCity, nameWord: string): string {
  const place = random.chance(0.7) ? city.name : city.shortName;
  return `${place}${brand(random)}${nameWord}${random.pick(LARGE_ENTERPRISE_SUFFIXES)}`;
}

export function personName(random: SeededRandom): string {
  const given = random.pick(GIVEN_NAME_CHARS) + (random.chance(0.7) ? random.pick(GIVEN_NAME_CHARS) : '');
  return random.pick(SURNAMES) + given;
}

export function instituteName(random: SeededRandom, city: CatalogueCity): string {
  const field = random.pick(INSTITUTE_FIELDS);
  return random.chance(0.4) ? `中国科学院${city.shortName}${field}研究所` : `${city.name}${field}研究院`;
}

export function governmentName(random: SeededRandom, city: CatalogueCity, districtName: string): string {
  return `${city.name}${districtName}${random.pick(GOVERNMENT_OFFICES)}`;
}

export function associationName(random: SeededRandom, city: CatalogueCity): string {
  return `${city.name}${random.pick(INSTITUTE_FIELDS)}${random.pick(ASSOCIATIONS)}`;
}

export function bankBranchName(random: SeededRandom, city: CatalogueCity): string {
  return `${random.pick(BANKS)}股份有限公司${city.shortName}分行`;
}

export function guarantorName(random: SeededRandom, city: CatalogueCity): string {
  return `${city.name}${random.pick(GUARANTORS)}`;
}

export function otherPledgeeName(random: SeededRandom, city: CatalogueCity): string {
  return `${city.name}${brand(random)}${random.pick(OTHER_PLEDGEES)}`;
}

export function markName(random: SeededRandom): string {
  const chinese = brand(random);
  const roll = random.next();
  if (roll < 0.6) return chinese;
  if (roll < 0.8) return `${chinese} ${random.pick(MARK_LATIN)}`;
  if (roll < 0.97) return random.pick(MARK_LATIN) + random.pick(MARK_LATIN);
  // A quote inside a field: RFC 4180 doubles it.
  return `"${chinese}"`;
}
