/** Timestamps in China Standard Time (UTC+8, no daylight saving), as report.json shows them. */
const OFFSET_MS = 8 * 60 * 60 * 1000;

export function shanghaiTimestamp(instant: Date): string {
  return `${new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
