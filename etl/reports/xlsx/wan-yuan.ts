/**
 * Money in the formatted sheets of report.xlsx is in 万元 with two decimals shown: the cell holds
 * yuan ÷ 10,000 computed exactly on the decimal (123,456,789.50 元 → 12,345.67895), so the
 * stored number has at most 6 decimals and no float error of a division; the display rounds.
 * The long table keeps exact yuan, so a pivot sums to the fen.
 */
import { movePoint } from '../format/decimal-text.ts';

export const WAN_YUAN = '万元';
/** Two decimals of 万元, grouped: what every money cell of a formatted sheet shows. */
export const WAN_YUAN_FORMAT = '#,##0.00';

/** yuan ÷ 10,000, exactly on the decimal; null stays null (an empty cell, never 0). */
export function yuanToWan(yuan: number | null): number | null {
  return yuan === null ? null : Number(movePoint(yuan, -4));
}
