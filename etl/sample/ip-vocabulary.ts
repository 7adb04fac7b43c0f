/**
 * Technology areas with real-looking IPC main groups and title words, Nice classes with their
 * share of Chinese filings, and the words synthetic patent titles and marks are built from.
 */
import type { SeededRandom, Weighted } from './seeded-random.ts';

export type TechArea = 'ict' | 'equipment' | 'materials' | 'medical' | 'environment' | 'consumer';

interface AreaVocabulary {
  readonly ipcSymbols: readonly string[];
  readonly subjects: readonly string[];
  readonly designProducts: readonly string[];
}

export const TECH_AREAS: Record<TechArea, AreaVocabulary> = {
  ict: {
    ipcSymbols: ['H04L 9/40', 'H04L 67/10', 'H04W 72/04', 'H04N 19/70', 'G06F 16/27', 'G06F 9/50', 'G06N 3/08', 'G06T 7/00', 'G06V 10/82', 'H01L 21/67', 'H01L 23/31', 'H05K 7/20', 'G01R 31/28', 'H01Q 1/22'],
    subjects: ['数据传输方法', '图像识别方法', '通信装置', '芯片封装结构', '天线模组', '服务器散热装置', '信号处理电路', '任务调度方法', '身份认证方法', '语音交互系统'],
    designProducts: ['智能手表', '路由器', '蓝牙耳机', '平板电脑', '服务器机箱', '智能音箱'],
  },
  equipment: {
    ipcSymbols: ['B25J 9/16', 'B23Q 3/06', 'B33Y 10/00', 'B60L 53/80', 'F16H 57/02', 'G05B 19/418', 'B65G 47/90', 'H02J 7/00', 'B23K 26/38', 'G01B 11/00'],
    subjects: ['机械臂控制方法', '夹持装置', '传动机构', '数控加工中心', '电池包换电装置', '充电桩', '物料输送线', '激光切割设备', '视觉定位装置'],
    designProducts: ['工业机器人', '充电桩', '数控机床', '电动工具', 'AGV小车'],
  },
  materials: {
    ipcSymbols: ['C08L 23/06', 'C08K 3/04', 'H01M 10/0525', 'H01M 4/62', 'C01B 32/184', 'C04B 35/622', 'C09D 5/08', 'C22C 38/02'],
    subjects: ['复合材料', '正极材料', '改性聚丙烯', '石墨烯薄膜', '陶瓷浆料', '防腐涂层', '高强度钢板', '电解液'],
    designProducts: ['包装膜', '装饰板', '陶瓷砖'],
  },
  medical: {
    ipcSymbols: ['A61K 31/00', 'A61K 39/00', 'A61P 35/00', 'A61B 5/00', 'A61M 25/00', 'C12N 15/11', 'G01N 33/68', 'A61F 2/82'],
    subjects: ['抗肿瘤化合物', '检测试剂盒', '医用导管', '监护设备', '疫苗组合物', '手术器械', '血管支架', '核酸提取方法'],
    designProducts: ['血压计', '输液泵', '医用口罩', '体温计'],
  },
  environment: {
    ipcSymbols: ['B01D 53/86', 'C02F 9/00', 'B09B 3/00', 'G01N 33/18', 'F23G 5/00', 'B01D 46/00'],
    subjects: ['废气处理装置', '污水处理系统', '固废处理设备', '水质检测装置', '除尘器', '垃圾分拣装置'],
    designProducts: ['垃圾分类箱', '空气净化器', '水质检测仪'],
  },
  consumer: {
    ipcSymbols: ['A23F 3/06', 'A23C 9/12', 'D04B 1/14', 'A41D 13/00', 'F24F 11/64', 'F21V 23/00', 'E04B 1/00', 'B65D 81/38', 'A01G 9/02', 'A47J 27/00'],
    subjects: ['茶叶加工设备', '包装盒', '空调控制方法', '灯具', '建筑模板', '种植架', '服装面料', '酸奶制备方法', '炒锅'],
    designProducts: ['茶叶罐', '包装盒', '台灯', '服装', '餐具', '手提袋'],
  },
};

/** Which area an industry class works in (by its GB/T 4754 division). */
export function techAreaOfIndustry(industryCode: string): TechArea {
  const division = industryCode.slice(0, 2);
  if (['39', '65', '64'].includes(division)) return 'ict';
  if (['34', '35', '36', '38', '40'].includes(division)) return industryCode === '3591' || industryCode === '4021' ? 'environment' : industryCode === '3841' ? 'materials' : 'equipment';
  if (['26', '30', '22'].includes(division)) return 'materials';
  if (division === '27' || industryCode === '3581' || industryCode === '3584' || industryCode === '7340') return 'medical';
  if (industryCode === '7516') return 'environment';
  if (division === '73' || division === '74' || division === '75') return 'ict';
  return 'consumer';
}

const TITLE_QUALIFIERS = ['基于深度学习的', '高效', '低功耗', '可调节的', '智能', '便携式', '多功能', '模块化', '自适应', '高精度', ''];
const METHOD_SUFFIXES = ['及其制备方法', '及其控制方法', '、装置及存储介质', '及应用', '', ''];

export function patentTitle(random: SeededRandom, area: TechArea, type: 'invention' | 'utility_model' | 'design'): string {
  const vocabulary = TECH_AREAS[area];
  if (type === 'design') return `${random.pick(vocabulary.designProducts)}（${random.pick(['A', 'B', 'C', 'Pro', 'Mini', '1', '2', '3'])}）`;
  const subject = random.pick(vocabulary.subjects);
  const base = `一种${random.pick(TITLE_QUALIFIERS)}${subject}`;
  if (type === 'utility_model') return base;
  const title = base + random.pick(METHOD_SUFFIXES);
  // Some extracts carry ASCII commas in titles: those fields must be quoted in the CSV.
  return random.chance(0.03) ? title.replace('、', ',') + ',以及电子设备' : title;
}

/** Nice classes weighted roughly like Chinese filings (9, 35 and 42 lead; 25, 30, 5, 3 follow). */
export const NICE_CLASS_WEIGHTS: readonly Weighted<number>[] = Array.from({ length: 45 }, (_, i) => {
  const niceClass = i + 1;
  const heavy: Record<number, number> = { 9: 12, 35: 14, 42: 8, 25: 7, 30: 6, 5: 5, 3: 5, 41: 5, 43: 4, 29: 4, 11: 4, 7: 3, 20: 3, 21: 3, 10: 3, 16: 2, 28: 2, 32: 2, 33: 2, 44: 2, 45: 1 };
  return { value: niceClass, weight: heavy[niceClass] ?? 0.6 };
});
