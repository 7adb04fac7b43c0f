/**
 * Geographic-indication products of the sample: real Chinese GI names in the district that
 * holds them, with harvest seasons, units and unit prices that give plausible output values.
 */

export type GiProtectionType = 'product' | 'collective_mark' | 'certification_mark' | 'agricultural';

export interface GiCatalogueEntry {
  readonly name: string;
  readonly adminCode: string;
  readonly protectionType: GiProtectionType;
  readonly category: string;
  readonly approvalYear: number;
  readonly unit: string;
  readonly unitPriceYuan: number;
  /** Relative output by month, January first; 0 = nothing produced that month. */
  readonly season: readonly number[];
}

const ALL_YEAR = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const SPRING_TEA = [0, 0, 3, 4, 2, 1, 0.5, 0.5, 0.5, 0.3, 0.2, 0.2];
const SUMMER_FRUIT = [0, 0, 0, 0, 1, 3, 4, 2, 0.5, 0, 0, 0];
const AUTUMN_HARVEST = [0, 0, 0, 0, 0, 0, 0, 0.5, 3, 3, 2, 1];
const WINTER_VEGETABLE = [3, 2, 1, 0, 0, 0, 0, 0, 0, 1, 3, 4];

function gi(name: string, adminCode: string, protectionType: GiProtectionType, category: string, approvalYear: number, unit: string, unitPriceYuan: number, season: readonly number[]): GiCatalogueEntry {
  return { name, adminCode, protectionType, category, approvalYear, unit, unitPriceYuan, season };
}

export const GI_CATALOGUE: readonly GiCatalogueEntry[] = [
  gi('南汇水蜜桃', '310115', 'certification_mark', '水果', 2008, '公斤', 16, SUMMER_FRUIT),
  gi('马陆葡萄', '310114', 'certification_mark', '水果', 2010, '公斤', 14, SUMMER_FRUIT),
  gi('南山荔枝', '440305', 'certification_mark', '水果', 2006, '公斤', 30, [0, 0, 0, 0, 1, 4, 3, 0.5, 0, 0, 0, 0]),
  gi('沙井蚝', '440306', 'certification_mark', '水产品', 2007, '公斤', 60, [3, 2, 1, 0.5, 0, 0, 0, 0, 0.5, 1, 3, 4]),
  gi('光明乳鸽', '440311', 'collective_mark', '畜禽产品', 2012, '只', 40, ALL_YEAR),
  gi('西湖龙井', '330106', 'product', '茶叶', 2001, '公斤', 2_400, SPRING_TEA),
  gi('临安山核桃', '330112', 'product', '坚果', 2003, '公斤', 80, AUTUMN_HARVEST),
  gi('千岛湖鱼', '330127', 'collective_mark', '水产品', 2009, '公斤', 30, ALL_YEAR),
  gi('蔡甸莲藕', '420114', 'agricultural', '蔬菜', 2013, '吨', 5_000, [3, 2, 1, 0, 0, 0, 0, 1, 2, 3, 3, 3]),
  gi('洪山菜薹', '420111', 'agricultural', '蔬菜', 2012, '吨', 9_000, WINTER_VEGETABLE),
  gi('郫县豆瓣', '510117', 'product', '调味品', 2005, '吨', 12_000, ALL_YEAR),
  gi('蒲江猕猴桃', '510131', 'agricultural', '水果', 2010, '公斤', 12, AUTUMN_HARVEST),
  gi('阳澄湖大闸蟹', '320507', 'product', '水产品', 2005, '公斤', 220, [0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 4, 2]),
  gi('洞庭山碧螺春', '320506', 'product', '茶叶', 2002, '公斤', 1_600, SPRING_TEA),
  gi('崂山绿茶', '370212', 'product', '茶叶', 2006, '公斤', 600, SPRING_TEA),
  gi('胶州大白菜', '370281', 'product', '蔬菜', 2003, '吨', 3_000, [1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 3]),
  gi('马家沟芹菜', '370283', 'agricultural', '蔬菜', 2009, '吨', 4_000, WINTER_VEGETABLE),
  gi('临潼石榴', '610115', 'agricultural', '水果', 2008, '公斤', 10, [0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 1, 0]),
  gi('户太葡萄', '610118', 'product', '水果', 2010, '公斤', 12, SUMMER_FRUIT),
  gi('周至猕猴桃', '610124', 'product', '水果', 2011, '公斤', 10, AUTUMN_HARVEST),
  gi('涪陵榨菜', '500102', 'product', '加工蔬菜', 2004, '吨', 8_000, ALL_YEAR),
  gi('余姚杨梅', '330281', 'certification_mark', '水果', 2011, '公斤', 30, [0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0, 0]),
];
