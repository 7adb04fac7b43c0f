import { describe, expect, it } from 'vitest';
import { nationalFiguresAtOrBefore } from '../../../etl/classification/national-figures.ts';
import { patentIntensiveCategories } from '../../../etl/classification/categories.ts';

describe('national figures (etl/reference/national_patent_intensive_va.csv)', () => {
  it('converts 亿元 to yuan and percentages to fractions, exactly', () => {
    const figures = nationalFiguresAtOrBefore(2023)!;
    expect(figures.year).toBe(2023);
    expect(figures.valueAddedCny).toBe(16_871_300_000_000);
    expect(figures.shareOfGdp).toBe(0.1304);
    expect(figures.categoryMix).toEqual({ '01': 0.19, '02': 0.233, '03': 0.289, '04': 0.103, '05': 0.081, '06': 0.023, '07': 0.081 });
  });

  it('keeps a category the bulletin did not publish as null, and 2019 to a tenth of 亿元', () => {
    expect(nationalFiguresAtOrBefore(2021)!.categoryMix).toEqual({ '01': 0.2, '02': 0.214, '03': 0.269, '04': null, '05': null, '06': 0.023, '07': null });
    expect(nationalFiguresAtOrBefore(2019)!.valueAddedCny).toBe(11_463_070_000_000);
    expect(nationalFiguresAtOrBefore(2020)!.shareOfGdp).toBe(0.1197);
    expect(nationalFiguresAtOrBefore(2019)!.categoryMix['02']).toBe(0.199); // not 19.9 / 100 = 0.19899999999999998
  });

  it('gives 2024 as published: the share of GDP only (13.38 %), the value added and the mix null, never 0', () => {
    const figures = nationalFiguresAtOrBefore(2024)!;
    expect([figures.year, figures.valueAddedCny, figures.shareOfGdp]).toEqual([2024, null, 0.1338]);
    expect(Object.values(figures.categoryMix)).toEqual([null, null, null, null, null, null, null]);
  });

  it('takes the latest year at or before the one asked, and none before 2018', () => {
    expect(nationalFiguresAtOrBefore(2025)!.year).toBe(2024);
    expect(nationalFiguresAtOrBefore(2023)!.year).toBe(2023);
    expect(nationalFiguresAtOrBefore(2017)).toBeUndefined();
  });

  it('names the seven categories, a quoted English name included', () => {
    expect(patentIntensiveCategories().map((category) => `${category.code} ${category.nameZh}`)).toEqual([
      '01 信息通信技术制造业',
      '02 信息通信技术服务业',
      '03 新装备制造业',
      '04 新材料制造业',
      '05 医药医疗产业',
      '06 环保产业',
      '07 研发、设计和技术服务业',
    ]);
    expect(patentIntensiveCategories()[6]!.nameEn).toBe('R&D, design and technical services');
  });
});
