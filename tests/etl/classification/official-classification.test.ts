/**
 * The official table ipstats ships as its default classification (version 2019): the whole-table
 * checks of 《知识产权（专利）密集型产业统计分类（2019）》 — 7 categories, 31 groups, 188 classes,
 * every class a GB/T 4754-2017 class, the categories of patent_intensive_categories.csv — and the
 * sample's classification file is that table, accepted whole by the dataset's own check.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { patentIntensiveCategories } from '../../../etl/classification/categories.ts';
import { isDemonstrationVersion } from '../../../etl/classification/demonstration.ts';
import { OFFICIAL_CLASSIFICATION_VERSION, officialClassification } from '../../../etl/classification/official-classification.ts';
import { findIndustry } from '../../../etl/reference/gbt4754.ts';

describe('the official classification shipped as the default (version 2019)', () => {
  const table = officialClassification();

  it('has 188 classes, each once, in 7 categories and 31 groups, with the published count per category', () => {
    expect(table).toHaveLength(188);
    expect(new Set(table.map((entry) => entry.industryCode)).size).toBe(188);
    expect(new Set(table.map((entry) => entry.groupCode)).size).toBe(31);
    const perCategory = Object.fromEntries(patentIntensiveCategories().map(({ code }) => [code, table.filter((entry) => entry.categoryCode === code).length]));
    expect(perCategory).toEqual({ '01': 33, '02': 21, '03': 81, '04': 22, '05': 14, '06': 5, '07': 12 });
  });

  it('uses only GB/T 4754-2017 classes (4-digit), with their GB/T names', () => {
    const notClasses = table.filter((entry) => findIndustry(entry.industryCode)?.level !== 'class').map((entry) => entry.industryCode);
    expect(notClasses).toEqual([]);
    const otherNames = table.filter((entry) => findIndustry(entry.industryCode)?.name !== entry.industryName).map((entry) => entry.industryCode);
    expect(otherNames).toEqual([]);
  });

  it('names each category as patent_intensive_categories.csv does, and each group within its category', () => {
    const names = new Map(patentIntensiveCategories().map((category) => [category.code, category.nameZh]));
    expect(table.filter((entry) => names.get(entry.categoryCode as never) !== entry.categoryName)).toEqual([]);
    expect(table.filter((entry) => !entry.groupCode.startsWith(entry.categoryCode) || entry.groupCode.length !== 4)).toEqual([]);
  });

  it('marks no class partial (the source marks none) and is not a demonstration version', () => {
    expect(table.filter((entry) => entry.partial)).toEqual([]);
    expect(OFFICIAL_CLASSIFICATION_VERSION).toBe('2019');
    expect(isDemonstrationVersion(OFFICIAL_CLASSIFICATION_VERSION)).toBe(false);
  });

  it('is the sample\'s classification file, row for row', async () => {
    const text = await readFile(path.resolve('samples/default/patent_intensive_classification/patent_intensive_classification_2019.csv'), 'utf8');
    const [header, ...lines] = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
    expect(header).toBe('version,industry_code,category_code,partial');
    expect(lines).toEqual(table.map((entry) => `2019,${entry.industryCode},${entry.categoryCode},${entry.partial}`));
  });
});
