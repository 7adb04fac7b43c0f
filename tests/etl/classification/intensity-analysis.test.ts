import { describe, expect, it } from 'vitest';
import { analyseIntensity, type ClassIntensityRow } from '../../../etl/classification/intensity-analysis.ts';

const row = (industryCode: string, employees: number, inventionGrants5y: number, enterpriseCount = 1): ClassIntensityRow => ({
  industryCode,
  enterpriseCount,
  employees,
  enterprisesWithoutEmployees: 0,
  inventionGrants5y,
});

// Totals: 10,000 employees, 100 patents → average 100 per 10,000 employees.
const CLASSES = [
  row('3911', 2000, 60, 3), // 300 per 10k, big enough: candidate, official → both
  row('6513', 1000, 12), // 120 per 10k, ≥ 1,000 employees and ≥ 10 patents: candidate, not official → only_derived
  row('2710', 500, 20), // 400 per 10k but only 500 employees: not a candidate; official → only_official
  row('3961', 5900, 8), // 13.56 per 10k, below the average → neither
  row('1311', 600, 0), // no patents → neither
];
const OFFICIAL = [
  { industryCode: '3911', categoryCode: '01', partial: false },
  { industryCode: '2710', categoryCode: '05', partial: false },
  { industryCode: '7320', categoryCode: '07', partial: false }, // no enterprise in the data
];

describe('analyseIntensity', () => {
  const analysis = analyseIntensity({ year: 2024, classes: CLASSES, classificationVersion: '2019', official: OFFICIAL });

  it('computes the all-industry average and each class intensity per 10,000 employees', () => {
    expect(analysis.totalEmployees).toBe(10_000);
    expect(analysis.totalInventionPatents).toBe(100);
    expect(analysis.averagePer10kEmployees).toBe(100);
    expect(analysis.windowFirstYear).toBe(2020);
    expect(analysis.rows.map((r) => [r.industry_code, r.patents_per_10k_employees])).toEqual([
      ['1311', 0],
      ['2710', 400],
      ['3911', 300],
      ['3961', 13.56], // 8 × 10,000 / 5,900 = 13.559…
      ['6513', 120],
      ['7320', null],
    ]);
  });

  it('marks candidates above the average and the minimum scale, and compares with the loaded classification', () => {
    expect(analysis.rows.map((r) => [r.industry_code, r.candidate, r.comparison, r.official_category])).toEqual([
      ['1311', false, 'neither', null],
      ['2710', false, 'only_official', '05'],
      ['3911', true, 'both', '01'],
      ['3961', false, 'neither', null],
      ['6513', true, 'only_derived', null],
      ['7320', false, 'only_official', '07'],
    ]);
    expect(analysis.counts).toEqual({ both: 1, only_derived: 1, only_official: 2, neither: 2 });
    expect(analysis.rows.find((r) => r.industry_code === '3911')?.industry_name).toBe('计算机整机制造');
  });

  it('lowers the scale thresholds on request: a small class above average becomes a candidate', () => {
    const small = analyseIntensity({ year: 2024, classes: CLASSES, classificationVersion: '2019', official: OFFICIAL, minEmployees: 100, minInventionPatents: 1 });
    expect(small.rows.find((r) => r.industry_code === '2710')?.comparison).toBe('both');
  });

  it('a class exactly at the average is not above it; no employees gives a null intensity', () => {
    const result = analyseIntensity({ year: 2024, classes: [row('3911', 1000, 10), row('6513', 1000, 10), row('2710', 0, 5)], classificationVersion: null, official: [] });
    // average 25 × 10,000 / 2,000 = 125; 3911 and 6513 are at 100, below it
    expect(result.averagePer10kEmployees).toBe(125);
    expect(result.rows.map((r) => [r.industry_code, r.patents_per_10k_employees, r.candidate])).toEqual([
      ['2710', null, false],
      ['3911', 100, false],
      ['6513', 100, false],
    ]);
  });
});
