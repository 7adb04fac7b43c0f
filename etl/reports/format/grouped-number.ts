/**
 * Digits grouped by thousands with a fixed number of decimals, the way Chinese statistics
 * bulletins print them (1,234,567.89). Written by hand rather than with Intl so the output does
 * not depend on the ICU data a Node build ships.
 */
export function groupedNumber(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // "-0.00" would read as a negative nothing: a value that rounds to zero has no sign.
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Like groupedNumber but without trailing zeros (axis ticks: 0.5, 1, 1.5 rather than 0.50, 1, 1.50). */
export function trimmedNumber(value: number, maxDecimals: number): string {
  const text = groupedNumber(value, maxDecimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
