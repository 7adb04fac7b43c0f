/**
 * Exact arithmetic for report figures. Values arrive from the marts as decimal strings
 * (DECIMAL(38,2) → "1234.50"); they are summed as bigint hundredths ("cents": fen for money,
 * hundredths of a unit for counts) and only turned into JS numbers at the very end, so no
 * float ever takes part in a sum or a comparison.
 */

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/;
const CENTS_PER_UNIT = 100n;
/** Ratios are carried as millionths (6 decimals) — the rounding the report publishes. */
export const MICRO = 1_000_000n;

export class DecimalError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DecimalError';
  }
}

/** "1234.5" → 123450n. At most 2 decimals (the marts are DECIMAL(38,2)); `where` names the value in errors. */
export function parseCents(value: string, where: string): bigint {
  const match = DECIMAL_PATTERN.exec(value.trim());
  if (!match) {
    throw new DecimalError(`${where}: ${JSON.stringify(value)} is not a decimal with at most 2 decimals`);
  }
  const [, sign, whole = '0', fraction = ''] = match;
  const cents = BigInt(whole) * CENTS_PER_UNIT + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** Money out: yuan as a number with at most 2 decimals (exact to the fen below 2^53 fen). */
export function centsToYuan(cents: bigint): number {
  assertSafe(cents);
  return Number(cents) / 100;
}

/** A JSON number holds every integer exactly only up to 2^53: larger sums would be rounded silently. */
function assertSafe(units: bigint): void {
  if (units > BigInt(Number.MAX_SAFE_INTEGER) || units < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DecimalError(`${formatCents(units)} is too large to publish exactly as a JSON number (more than 2^53 hundredths)`);
  }
}

/** Counts out: an integer; a count with a fraction is a bug upstream, so it is an error. */
export function centsToCount(cents: bigint, where: string): number {
  if (cents % CENTS_PER_UNIT !== 0n) {
    throw new DecimalError(`${where}: a count must be a whole number, got ${formatCents(cents)}`);
  }
  assertSafe(cents);
  return Number(cents / CENTS_PER_UNIT);
}

export function formatCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const absolute = cents < 0n ? -cents : cents;
  return `${sign}${absolute / CENTS_PER_UNIT}.${String(absolute % CENTS_PER_UNIT).padStart(2, '0')}`;
}

/** a ÷ b rounded half away from zero. */
export function divideRounded(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new DecimalError('division by zero');
  const negative = a < 0n !== b < 0n;
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  const quotient = (absA * 2n + absB) / (absB * 2n);
  return negative ? -quotient : quotient;
}

/** numerator ÷ denominator in millionths, rounded half away from zero. */
export function ratioMicro(numerator: bigint, denominator: bigint): bigint {
  return divideRounded(numerator * MICRO, denominator);
}

/** A ratio in millionths → a number with at most 6 decimals. */
export function microToNumber(micro: bigint): number {
  return Number(micro) / 1_000_000;
}

/**
 * A number (a configured target or share such as 0.35) → millionths, rounded half away from zero
 * on the decimal the number was written as: its shortest string form (`String(0.1234565)` is
 * "0.1234565", so it becomes 123457, where `Math.round(0.1234565 * 1e6)` gives 123456).
 */
export function numberToMicro(value: number): bigint {
  if (!Number.isFinite(value)) throw new DecimalError(`${value} is not a finite number`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(value));
  if (!match) throw new DecimalError(`${value} is not a decimal number`);
  const [, sign, whole = '0', fraction = '', exponentText = '0'] = match;
  const digits = BigInt(`${whole}${fraction}`);
  // value = digits × 10^(exponent − fraction length); millionths multiply by 10^6.
  const power = Number(exponentText) - fraction.length + 6;
  const magnitude = power >= 0 ? digits * 10n ** BigInt(power) : divideRounded(digits, 10n ** BigInt(-power));
  return sign === '-' ? -magnitude : magnitude;
}

/** (current − previous) ÷ previous in millionths, rounded half away from zero: the growth rate. previous must not be 0. */
export function growthMicro(current: bigint, previous: bigint): bigint {
  if (previous === 0n) throw new DecimalError('growth from 0 is not defined');
  return divideRounded((current - previous) * MICRO, previous);
}

/** floor(x^(1/n)) for x ≥ 0, by Newton's method on integers (starts above the root, decreases to it). */
export function integerNthRoot(x: bigint, n: number): bigint {
  if (x < 0n) throw new DecimalError(`cannot take a root of the negative number ${x}`);
  if (!Number.isInteger(n) || n < 1) throw new DecimalError(`root degree must be a positive integer, got ${n}`);
  if (x < 2n || n === 1) return x;
  const degree = BigInt(n);
  let guess = 1n << BigInt(Math.ceil(x.toString(2).length / n));
  for (;;) {
    const next = ((degree - 1n) * guess + x / guess ** (degree - 1n)) / degree;
    if (next >= guess) return guess;
    guess = next;
  }
}

/**
 * (a ÷ b)^(1/n) − 1 in millionths, rounded half away from zero, exactly (a ≥ 0, b > 0): the
 * compound annual growth rate. T = floor(root × 10^7) is floor((a·10^(7n) ÷ b)^(1/n)), because
 * floor(root(floor(x))) = floor(root(x)); the growth × 10^7 then lies in [T − 10^7, T − 10^7 + 1),
 * equal to its lower end only when the root is exact. A positive growth rounds its 7th decimal half up; a negative one rounds its magnitude
 * half up, which is why a root just below an exact half must not round like the root does.
 */
export function cagrMicro(a: bigint, b: bigint, n: number): bigint {
  if (b <= 0n || a < 0n) throw new DecimalError(`growth of a ratio needs a ≥ 0 and b > 0, got ${a} / ${b}`);
  const scale = 10n ** BigInt(7 * n);
  const root = integerNthRoot((a * scale) / b, n);
  const growthTimes10Million = root - 10_000_000n;
  if (growthTimes10Million >= 0n) return (growthTimes10Million + 5n) / 10n;
  const exact = root ** BigInt(n) * b === a * scale;
  const magnitude = -growthTimes10Million;
  return -((exact ? magnitude + 5n : magnitude + 4n) / 10n);
}
