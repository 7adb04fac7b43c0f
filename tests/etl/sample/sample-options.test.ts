import { describe, expect, it } from 'vitest';
import { SampleOptionsSchema } from '../../../etl/sample/sample-options.ts';

function messages(input: unknown): string[] {
  const result = SampleOptionsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('SampleOptionsSchema', () => {
  it('fills the defaults of the brief', () => {
    expect(SampleOptionsSchema.parse({ outDir: 'out' })).toEqual({ outDir: 'out', cities: 6, months: 36, rowsScale: 1, seed: 20200430, endPeriod: '2025-12' });
  });

  it('coerces the strings a command line passes', () => {
    expect(SampleOptionsSchema.parse({ outDir: 'out', cities: '3', months: '24', rowsScale: '0.5', seed: '42' })).toMatchObject({ cities: 3, months: 24, rowsScale: 0.5, seed: 42 });
  });

  it('explains each limit', () => {
    expect(messages({ outDir: 'out', cities: 9 })).toEqual(['cities must be at most 8 (the cities the generator knows)']);
    expect(messages({ outDir: 'out', cities: 0 })).toEqual(['cities must be at least 1']);
    expect(messages({ outDir: 'out', months: 12 })).toEqual(['months must be at least 13, so that every month has the same month of the year before']);
    expect(messages({ outDir: 'out', rowsScale: 0 })).toEqual(['rowsScale must be at least 0.01']);
    expect(messages({ outDir: 'out', seed: 1.5 })).toEqual(['seed must be a whole number']);
    expect(messages({ outDir: 'out', endPeriod: '2025-13' })).toEqual(['endPeriod must be a month written YYYY-MM, e.g. 2025-12']);
    expect(messages({ outDir: '' })).toEqual(['outDir must name the folder to write the sample into']);
  });

  it('refuses a span that would start before 2004 and unknown options', () => {
    expect(messages({ outDir: 'out', months: 60, endPeriod: '2006-06' })).toEqual(['60 months ending 2006-06 start in 2001; the sample must start in 2004 or later']);
    expect(messages({ outDir: 'out', rows: 2 })).toEqual(['Unrecognized key: "rows"']);
  });
});
