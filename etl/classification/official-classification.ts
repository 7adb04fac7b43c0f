/**
 * The official classification shipped with ipstats: the 188 industry classes of
 * 《知识产权（专利）密集型产业统计分类（2019）》 (NBS Order No. 25) in 7 categories and 31 groups,
 * from etl/reference/patent_intensive_2019.csv (provenance and confidence in
 * patent_intensive_2019.SOURCE.md). It is the default classification, version `2019`: the sample
 * input carries it as its patent_intensive_classification file, so a lake built by `npm start`
 * computes patent-intensive figures from it, not from a demonstration table.
 */
import { readReferenceCsv } from '../reference/read-reference-csv.ts';

export const OFFICIAL_CLASSIFICATION_VERSION = '2019';
export const OFFICIAL_CLASSIFICATION_FILE = 'patent_intensive_2019.csv';
/** The name of the table as a source file of the dataset (the sample's, and the one a lake without a classification gets). */
export const OFFICIAL_CLASSIFICATION_SOURCE_NAME = `patent_intensive_classification_${OFFICIAL_CLASSIFICATION_VERSION}.csv`;
const HEADER = 'category_code,category_name,group_code,group_name,industry_code,industry_name,partial';

export interface OfficialClassEntry {
  readonly categoryCode: string;
  readonly categoryName: string;
  readonly groupCode: string;
  readonly groupName: string;
  readonly industryCode: string;
  readonly industryName: string;
  /** Only part of the class counts (marked "*" in the standard); false for every class of this copy. */
  readonly partial: boolean;
}

let entries: readonly OfficialClassEntry[] | undefined;

/** Every class of the official table, in the file's order. */
export function officialClassification(): readonly OfficialClassEntry[] {
  entries ??= readReferenceCsv(OFFICIAL_CLASSIFICATION_FILE, HEADER).map((fields, index) => {
    const [categoryCode = '', categoryName = '', groupCode = '', groupName = '', industryCode = '', industryName = '', partial = ''] = fields;
    if (partial !== 'true' && partial !== 'false') throw new Error(`${OFFICIAL_CLASSIFICATION_FILE} line ${index + 2}: partial must be true or false, got ${JSON.stringify(partial)}`);
    return Object.freeze({ categoryCode, categoryName, groupCode, groupName, industryCode, industryName, partial: partial === 'true' });
  });
  return entries;
}

/** The table in the columns of the dataset patent_intensive_classification, one row per class. */
export function officialClassificationRows(): { version: string; industry_code: string; category_code: string; partial: boolean }[] {
  return officialClassification().map((entry) => ({ version: OFFICIAL_CLASSIFICATION_VERSION, industry_code: entry.industryCode, category_code: entry.categoryCode, partial: entry.partial }));
}
