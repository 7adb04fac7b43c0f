/**
 * When the patent-intensive classification is a demonstration table (the sample's), report.xlsx
 * says so where its figures are read — a bold red banner across the top of 指标总览 and
 * 专利密集型产业, printed on every page with the header — so no one files a demonstration figure
 * as an official statistic.
 */
import type { Report } from '../report-schema.ts';

export const DEMONSTRATION_BANNER = '演示分类，非官方：本工作簿专利密集型产业数据按演示分类计算，不得作为正式统计数据使用。';

export function isDemonstrationClassification(report: Report): boolean {
  return report.patent_intensive.classification_is_demonstration === true || report.classification_is_demonstration === true;
}

/** The banner for a sheet showing patent-intensive figures, or none. */
export function demonstrationBannerFor(report: Report): string | undefined {
  return isDemonstrationClassification(report) ? DEMONSTRATION_BANNER : undefined;
}
