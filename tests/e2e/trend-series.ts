/** Expected `monthly_trend` arrays written as "month → value" (every other month 0), like EXPECTED.md lists them. */
export function trendMonths(first: string, count = 24): string[] {
  const [year, month] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, offset) => {
    const index = year * 12 + month - 1 + offset;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * One value per month of `months`: the listed values, 0 for the other months, and null for the
 * months before `firstWithValue` (outside coverage, or before the programme start).
 */
export function trendValues(months: readonly string[], values: Readonly<Record<string, number>>, firstWithValue = months[0]!): (number | null)[] {
  for (const month of Object.keys(values)) if (!months.includes(month)) throw new Error(`${month} is not a month of the trend ${months[0]}…${months.at(-1)}`);
  return months.map((month) => (month < firstWithValue ? null : (values[month] ?? 0)));
}
