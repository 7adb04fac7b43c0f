/** The expected 万元 cell of an amount in yuan, computed independently of the renderer with decimal.js. */
import DecimalModule, { type Decimal } from 'decimal.js';

const DecimalJs = DecimalModule as unknown as typeof Decimal;

export function wan(yuan: number): number {
  return new DecimalJs(String(yuan)).div(10_000).toNumber();
}
