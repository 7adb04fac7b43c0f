/** The committed reference CSVs: shape and the roll-up edge cases the contract names. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allDivisions, findDivision } from '../../../etl/reference/gbt2260.ts';
import { findIndustry } from '../../../etl/reference/gbt4754.ts';
import { readReferenceCsv, REFERENCE_DIR_VARIABLE } from '../../../etl/reference/read-reference-csv.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('etl/reference/gbt2260.csv', () => {
  it('rolls every county-level code up to a known city', () => {
    const divisions = allDivisions();
    expect(divisions.length).toBe(3375);
    for (const division of divisions) {
      if (division.cityCode === null) {
        expect(['province', 'county_group']).toContain(division.level);
      } else {
        expect(findDivision(division.cityCode)?.cityCode).toBe(division.cityCode);
      }
    }
  });

  it('keeps codes of every vintage: abolished (330103 下城区) and new (330113 临平区) districts', () => {
    expect(allDivisions().filter((division) => ['330103', '330113', '330114'].includes(division.code)).map((division) => [division.code, division.cityCode])).toEqual([
      ['330103', '330100'],
      ['330113', '330100'],
      ['330114', '330100'],
    ]);
  });

  it('has the municipality, province-administered and no-district cases', () => {
    expect(findDivision('500230')).toEqual({ code: '500230', name: '丰都县', level: 'county', cityCode: '500000' });
    expect(findDivision('429004')).toEqual({ code: '429004', name: '仙桃市', level: 'county', cityCode: '429004' });
    expect(findDivision('441900')).toEqual({ code: '441900', name: '东莞市', level: 'city', cityCode: '441900' });
    expect(findDivision('310000')).toEqual({ code: '310000', name: '上海市', level: 'municipality', cityCode: '310000' });
    expect(findDivision('440000')?.cityCode).toBe(null);
  });
});

describe('etl/reference/gbt4754_2017.csv', () => {
  it('is the copy documented in its SOURCE.md (1,381 classes)', () => {
    const text = readFileSync(new URL('../../../etl/reference/gbt4754_2017.csv', import.meta.url), 'utf8');
    expect(text.split('\n').filter((line) => line.includes(',class,')).length).toBe(1381);
    expect(findIndustry('6532')).toEqual({ code: '6532', level: 'class', name: '物联网技术服务', section: 'I' });
  });
});

describe('readReferenceCsv', () => {
  afterEach(() => {
    delete process.env[REFERENCE_DIR_VARIABLE];
  });

  it('reads from IPSTATS_REFERENCE_DIR when set (bundles ship the CSVs there)', async () => {
    const directory = await tempDir('reference');
    writeFileSync(path.join(directory, 'sample.csv'), 'code,name\n1,一\n');
    process.env[REFERENCE_DIR_VARIABLE] = directory;
    expect(readReferenceCsv('sample.csv', 'code,name')).toEqual([['1', '一']]);
    expect(() => readReferenceCsv('sample.csv', 'code,level')).toThrow(`${path.join(directory, 'sample.csv')}: expected header "code,level", found "code,name"`);
    expect(() => readReferenceCsv('absent.csv', 'code')).toThrow(`cannot read reference file ${path.join(directory, 'absent.csv')} (set IPSTATS_REFERENCE_DIR when running from a bundle)`);
  });
});
