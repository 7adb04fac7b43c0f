/** The real-world codes the generator relies on exist in the project's reference data. */
import { describe, expect, it } from 'vitest';
import { CONFIGURABLE_CITIES, COUNTERPARTY_CITIES, UNKNOWN_CITY_CODES } from '../../../etl/sample/city-catalogue.ts';
import { DEMO_CLASSIFICATION, DEMO_CLASSIFICATION_VERSION } from '../../../etl/sample/demo-classification.ts';
import { GI_CATALOGUE } from '../../../etl/sample/gi-catalogue.ts';
import { SAMPLE_INDUSTRY_CLASSES } from '../../../etl/sample/industry-classes.ts';
import { findIndustry } from '../../../etl/reference/gbt4754.ts';
import { parseCityCode } from '../../../etl/schemas/parse/city-code.ts';

describe('sample reference data', () => {
  it('uses only GB/T 2260 codes whose districts roll up to their city', () => {
    for (const city of [...CONFIGURABLE_CITIES, ...COUNTERPARTY_CITIES]) {
      expect(parseCityCode(city.code)).toEqual({ city: city.code, admin: city.code });
      for (const district of city.districts) expect(parseCityCode(district.code)).toEqual({ city: city.code, admin: district.code });
    }
    expect(parseCityCode('310115')).toEqual({ city: '310000', admin: '310115' });
    expect(parseCityCode('440305')).toEqual({ city: '440300', admin: '440305' });
  });

  it('keeps the unknown city codes of bad rows unknown', () => {
    for (const code of UNKNOWN_CITY_CODES) expect((parseCityCode(code) as { rule: string }).rule).toBe('city_code_unknown');
  });

  it('has a municipality first and eight distinct configurable cities', () => {
    expect(CONFIGURABLE_CITIES.map((city) => city.code)).toEqual(['310000', '440300', '330100', '420100', '510100', '320500', '370200', '610100']);
  });

  it('uses only four-digit classes of GB/T 4754-2017', () => {
    for (const industry of [...SAMPLE_INDUSTRY_CLASSES.map((entry) => entry.code), ...DEMO_CLASSIFICATION.map((entry) => entry.industryCode)]) {
      expect(findIndustry(industry)?.level).toBe('class');
    }
    expect(new Set(SAMPLE_INDUSTRY_CLASSES.map((entry) => entry.code)).size).toBe(SAMPLE_INDUSTRY_CLASSES.length);
  });

  it('keeps the demonstration classification small, labelled, covering 01–07 with some partial classes', () => {
    expect(DEMO_CLASSIFICATION_VERSION).toBe('demo-2019');
    expect([...new Set(DEMO_CLASSIFICATION.map((entry) => entry.categoryCode))].sort()).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    expect(DEMO_CLASSIFICATION.filter((entry) => entry.partial).map((entry) => entry.industryCode)).toEqual(['3961', '6532', '3670', '3841', '2662', '7516']);
    expect(new Set(DEMO_CLASSIFICATION.map((entry) => entry.industryCode)).size).toBe(DEMO_CLASSIFICATION.length);
    const sampleClasses = new Set(SAMPLE_INDUSTRY_CLASSES.map((entry) => entry.code));
    expect(DEMO_CLASSIFICATION.every((entry) => sampleClasses.has(entry.industryCode))).toBe(true);
  });

  it('places every GI product in a district of a catalogue city', () => {
    const districts = new Set([...CONFIGURABLE_CITIES, ...COUNTERPARTY_CITIES].flatMap((city) => city.districts.map((district) => district.code)));
    expect(GI_CATALOGUE.filter((entry) => !districts.has(entry.adminCode)).map((entry) => entry.name)).toEqual([]);
    expect(GI_CATALOGUE.every((entry) => entry.season.length === 12 && entry.season.some((weight) => weight > 0))).toBe(true);
  });
});
