/**
 * Options of `generateSample` / `ipstats sample`. Numbers are coerced so that the CLI can pass its
 * string arguments straight through; every limit says what was expected.
 */
import { z } from 'zod';
import { CONFIGURABLE_CITIES } from './city-catalogue.ts';

/** Application numbers have 12 digits (with the year in full) from 2003 on; the sample stays after that. */
const EARLIEST_SAMPLE_YEAR = 2004;
const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const SampleOptionsSchema = z
  .object({
    outDir: z.string().min(1, 'outDir must name the folder to write the sample into'),
    cities: z.coerce
      .number('cities must be a number')
      .int('cities must be a whole number')
      .min(1, 'cities must be at least 1')
      .max(CONFIGURABLE_CITIES.length, `cities must be at most ${CONFIGURABLE_CITIES.length} (the cities the generator knows)`)
      .default(6),
    months: z.coerce
      .number('months must be a number')
      .int('months must be a whole number')
      .min(13, 'months must be at least 13, so that every month has the same month of the year before')
      .max(120, 'months must be at most 120 (ten years)')
      .default(36),
    rowsScale: z.coerce
      .number('rowsScale must be a number')
      .min(0.01, 'rowsScale must be at least 0.01')
      .max(100, 'rowsScale must be at most 100 (for larger volumes use writePatentEventsCsv)')
      .default(1),
    seed: z.coerce
      .number('seed must be a number')
      .int('seed must be a whole number')
      .min(0, 'seed must be between 0 and 4294967295')
      .max(0xffffffff, 'seed must be between 0 and 4294967295')
      .default(20200430),
    endPeriod: z
      .string()
      .regex(PERIOD_PATTERN, 'endPeriod must be a month written YYYY-MM, e.g. 2025-12')
      .default('2025-12'),
  })
  .strict()
  .superRefine((options, context) => {
    const match = PERIOD_PATTERN.exec(options.endPeriod);
    if (match === null) return;
    const endMonthIndex = Number(match[1]) * 12 + Number(match[2]) - 1;
    const firstYear = Math.floor((endMonthIndex - options.months + 1) / 12);
    if (firstYear < EARLIEST_SAMPLE_YEAR) {
      context.addIssue({
        code: 'custom',
        path: ['endPeriod'],
        message: `${options.months} months ending ${options.endPeriod} start in ${firstYear}; the sample must start in ${EARLIEST_SAMPLE_YEAR} or later`,
      });
    }
  });

export type SampleOptionsInput = z.input<typeof SampleOptionsSchema>;
export type SampleOptions = z.output<typeof SampleOptionsSchema>;
