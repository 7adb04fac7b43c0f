/** Bigint units of 10^-scale as DuckDB writes a DECIMAL(18, scale) as VARCHAR: '-0.05', '12.5000'. */
export function decimalUnitsText(units: bigint, scale: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  return `${units < 0n ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
