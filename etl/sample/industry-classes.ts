/**
 * The GB/T 4754-2017 four-digit classes the synthetic enterprises work in (every code is checked
 * against etl/reference/gbt4754_2017.csv in the tests), with the word an enterprise of that class
 * puts in its name, how common such enterprises are, and how much they patent.
 */

export interface SampleIndustryClass {
  readonly code: string;
  /** Business word used in enterprise names, e.g. 半导体 in 深圳市华芯半导体有限公司. */
  readonly nameWord: string;
  /** Relative number of enterprises in the register. */
  readonly enterpriseWeight: number;
  /** Relative patent filings per enterprise (0 = almost never). */
  readonly patenting: number;
  /** Share of city GDP that the class's value added makes up, in per mille. */
  readonly gdpPerMille: number;
}

function industryClass(code: string, nameWord: string, enterpriseWeight: number, patenting: number, gdpPerMille: number): SampleIndustryClass {
  return { code, nameWord, enterpriseWeight, patenting, gdpPerMille };
}

export const SAMPLE_INDUSTRY_CLASSES: readonly SampleIndustryClass[] = [
  // information and communication technology manufacturing
  industryClass('3911', '计算机', 2, 3, 4),
  industryClass('3914', '工控', 2, 3, 2),
  industryClass('3921', '通信', 3, 4, 6),
  industryClass('3922', '通讯', 3, 4, 6),
  industryClass('3961', '智能穿戴', 2, 3, 2),
  industryClass('3963', '无人机', 1, 3, 1),
  industryClass('3973', '半导体', 2, 4, 5),
  industryClass('3974', '显示', 1, 3, 3),
  industryClass('3976', '光电', 2, 3, 2),
  industryClass('3982', '电路', 2, 2, 3),
  industryClass('3983', '传感', 2, 3, 2),
  // information technology services
  industryClass('6511', '软件', 3, 2, 4),
  industryClass('6513', '信息科技', 6, 2, 8),
  industryClass('6520', '微电子', 2, 3, 3),
  industryClass('6531', '信息技术', 4, 1, 5),
  industryClass('6532', '物联网', 2, 2, 2),
  industryClass('6450', '数据', 2, 1, 2),
  // new equipment
  industryClass('3491', '机器人', 2, 3, 2),
  industryClass('3493', '增材制造', 1, 3, 1),
  industryClass('3562', '半导体装备', 1, 4, 2),
  industryClass('3421', '数控机床', 2, 2, 2),
  industryClass('3612', '新能源汽车', 1, 3, 6),
  industryClass('3670', '汽车零部件', 4, 2, 6),
  industryClass('3825', '光伏', 2, 2, 3),
  industryClass('4011', '自动化', 3, 2, 3),
  industryClass('4014', '分析仪器', 1, 2, 1),
  // new materials
  industryClass('2651', '新材料', 2, 2, 3),
  industryClass('3985', '电子材料', 1, 2, 1),
  industryClass('3841', '锂电', 2, 3, 4),
  industryClass('3091', '碳材料', 1, 2, 1),
  industryClass('2662', '化工', 2, 1, 2),
  // pharmaceuticals and medical devices
  industryClass('2710', '药业', 1, 2, 2),
  industryClass('2720', '制药', 2, 2, 3),
  industryClass('2761', '生物医药', 2, 3, 3),
  industryClass('2762', '生物技术', 1, 3, 2),
  industryClass('3581', '医疗器械', 2, 3, 2),
  industryClass('3584', '医疗科技', 2, 2, 1),
  // environmental protection
  industryClass('3591', '环保设备', 2, 2, 1),
  industryClass('4021', '环境监测', 1, 2, 1),
  industryClass('7516', '环保科技', 2, 1, 1),
  // research, design and technical services
  industryClass('7320', '技术研究', 2, 2, 2),
  industryClass('7340', '医学研究', 1, 2, 1),
  industryClass('7491', '工业设计', 2, 2, 1),
  industryClass('7517', '三维打印', 1, 2, 0.5),
  industryClass('7520', '知识产权服务', 2, 0.2, 0.5),
  // industries that are not patent-intensive
  industryClass('1530', '茶业', 2, 0.3, 1),
  industryClass('1441', '乳业', 1, 0.3, 2),
  industryClass('1469', '食品', 3, 0.5, 3),
  industryClass('1761', '针织', 2, 0.3, 2),
  industryClass('1811', '服饰', 3, 0.5, 3),
  industryClass('2927', '塑料制品', 2, 0.8, 2),
  industryClass('3311', '钢结构', 2, 0.8, 3),
  industryClass('3852', '电器', 2, 2, 4),
  industryClass('3872', '照明', 2, 1.5, 2),
  industryClass('4710', '建设', 4, 0.2, 25),
  industryClass('5123', '农产品', 3, 0.05, 8),
  industryClass('5176', '电子商贸', 4, 0.1, 10),
  industryClass('5292', '电子商务', 4, 0.2, 15),
  industryClass('7010', '置业', 3, 0.02, 40),
  industryClass('7224', '供应链', 3, 0.1, 10),
  industryClass('7243', '咨询', 3, 0.05, 8),
];
