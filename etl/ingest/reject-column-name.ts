/**
 * The key a field of a rejected row has in its reject's `raw`: the source header of its column,
 * `column_<n>` for a blank header, `extra_field_<n>` for a field past the header's end
 * (n counts from 1). Also how row_too_long names the longest field (row-too-long.ts).
 */
export function rejectColumnName(header: readonly string[], index: number): string {
  return index < header.length ? header[index]!.trim() || `column_${index + 1}` : `extra_field_${index + 1}`;
}
