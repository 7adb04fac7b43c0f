/**
 * `high_value_pledge_threshold_cny` of a city: the pledge financing (yuan) from which an
 * invention patent counts as high-value by its pledges (实现较高质押融资金额). CNIPA publishes no
 * number; the default, 10,000,000 yuan (1000万元), is the line under which CNIPA calls pledge
 * loans 普惠性 (small, inclusive) — docs/high-value-patents.md gives the sources.
 */
import { z } from 'zod';

/** 1000万元, as an exact decimal string of yuan. */
export const DEFAULT_HIGH_VALUE_PLEDGE_THRESHOLD_CNY = '10000000.00';

const YUAN_WITH_FEN = /^\d+(?:\.\d{1,2})?$/;

/** Yuan ≥ 0 with at most two decimals (fen) → an exact decimal string with two decimals. */
export const PledgeThresholdSchema = z
  .number()
  .min(0, { error: 'the pledge threshold must be ≥ 0 yuan' })
  .refine((yuan) => YUAN_WITH_FEN.test(String(yuan)), { error: 'the pledge threshold must be yuan with at most two decimals, e.g. 10000000 for 1000万元' })
  .transform((yuan) => {
    const [whole, fraction = ''] = String(yuan).split('.');
    return `${whole}.${fraction.padEnd(2, '0')}`;
  });
