/** Colours and sizes shared by the charts and the page, so the charts match the tables. */
export const COLORS = {
  ink: '#1f2933',
  muted: '#616e7c',
  grid: '#e4e7eb',
  primary: '#2f5d8a',
  primaryLight: '#9fb8d1',
  accent: '#c8553d',
  national: '#b0b7bf',
  met: '#1e7b4a',
  onTrack: '#2f5d8a',
  behind: '#b3261e',
  noData: '#7b8794',
} as const;

