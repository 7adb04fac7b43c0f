/**
 * `patent_intensive_partial_shares` of a city: the share of a partial ("*") class of the
 * patent-intensive classification that the industry method counts, per GB/T 4754-2017 class,
 * e.g. `{ "3961": 0.4 }`. A class not listed takes the share derived from the enterprise data
 * (docs/patent-intensive.md). Shares are fractions from 0 to 1.
 */
import { z } from 'zod';
import { findIndustry } from '../reference/gbt4754.ts';

export const PartialSharesSchema = z.record(z.string(), z.number().min(0, { error: 'a share must be ≥ 0' }).max(1, { error: 'a share must be ≤ 1 (a fraction, not a percentage)' })).superRefine((shares, context) => {
  for (const code of Object.keys(shares)) {
    const entry = findIndustry(code);
    if (entry === undefined || entry.level !== 'class') {
      context.addIssue({
        code: 'custom',
        path: [code],
        message: entry === undefined ? `"${code}" is not a GB/T 4754-2017 code; expected a four-digit class such as 3961` : `"${code}" (${entry.name}) is a ${entry.level}; expected a four-digit class`,
      });
    }
  }
});

export type PartialShares = z.infer<typeof PartialSharesSchema>;
