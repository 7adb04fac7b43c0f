/**
 * The 高价值发明专利 sheet of report.xlsx: the figures of report.json's high_value_patents, one
 * row each, with its unit (money in 万元 as in every formatted sheet) and an empty cell (and its
 * reason as a note) for a null figure.
 */
import { LABELS_ZH } from '../html/labels-zh.ts';
import type { NullReason } from '../null-reasons.ts';
import type { Report } from '../report-schema.ts';
import { FORMAT, type SheetTable } from './sheet-table.ts';
import { WAN_YUAN, WAN_YUAN_FORMAT, yuanToWan } from './wan-yuan.ts';

const CRITERIA = ['strategic_emerging', 'overseas_family', 'maintained_over_10_years', 'high_pledge', 'award'] as const;

export function highValuePatentsTable(report: Report): SheetTable {
  const section = report.high_value_patents;
  const h = LABELS_ZH.highValue;
  const reasons = section.null_reasons;
  const figures: [string, number | null, string, string, NullReason | undefined][] = [
    [h.inventionInForce, section.invention_in_force, '件', FORMAT.count, reasons.invention_in_force],
    [h.highValueInForce, section.high_value_in_force, '件', FORMAT.count, reasons.high_value_in_force],
    [h.per10kResidents, section.per_10k_residents, '件/万人', '#,##0.00', reasons.per_10k_residents],
    [h.residentPopulation(section.population_year), section.resident_population, '人', FORMAT.count, reasons.resident_population],
    ...CRITERIA.map((name): [string, number | null, string, string, NullReason | undefined] => [`其中：${h.criteria[name]}`, section.by_criterion[name], '件', FORMAT.count, reasons.by_criterion[name]]),
    ['较高质押融资金额标准', yuanToWan(section.pledge_threshold_cny), WAN_YUAN, WAN_YUAN_FORMAT, undefined],
  ];
  return {
    name: '高价值发明专利',
    columns: [
      { header: `指标（截至${section.as_of}）`, width: 44 },
      { header: '数值', width: 16 },
      { header: '计量单位', width: 10 },
    ],
    rows: figures.map(([label, value, unit]) => [label, value, unit]),
    cellFormats: figures.map(([, , , format]) => [undefined, format, undefined]),
    cellNotes: figures.map(([, value, , , reason]) => [undefined, value === null && reason !== undefined ? LABELS_ZH.nullReasons[reason] : undefined, undefined]),
  };
}
