/** Prop checks shared by the constructs: they fail at synth with the prop, the bad value and the allowed range. */

export function requirePositiveInteger(prop: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${prop} must be a positive whole number, got ${value}`);
  return value;
}

export function requireIntegerInRange(prop: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${prop} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export function requireFraction(prop: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`${prop} must be a fraction from 0 to 1, got ${value}`);
  return value;
}
