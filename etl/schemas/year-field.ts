/** The reporting year of the annual accounts datasets. */
import { MAX_YEAR, MIN_YEAR } from './parse/date.ts';
import { integer } from './fields.ts';

export function yearField() {
  return integer({ zh: '年份', zhHant: '年份', required: true, min: MIN_YEAR, max: MAX_YEAR });
}
