/**
 * Builds the raw record that validateRow reads (column → trimmed string) from a parsed CSV
 * record. Generated once per header as one object literal, so every record of a file gets the
 * same hidden class in one allocation instead of a dictionary grown key by key.
 */
export interface RawColumnBinding {
  /** Position of the column in the CSV record. */
  readonly index: number;
  readonly column: string;
  /** A (万元) header: every non-empty value is in ten-thousands of yuan. */
  readonly wanYuan: boolean;
}

export type RawRecordBuilder = (record: readonly string[]) => Record<string, string | undefined>;

export function compileRawRecordBuilder(bindings: readonly RawColumnBinding[]): RawRecordBuilder {
  const properties = bindings.map(({ index, column, wanYuan }) => {
    if (!Number.isInteger(index) || index < 0) throw new Error(`raw record: bad field index ${index} for column ${column}`);
    // The money parser applies the unit when the value carries it.
    const value = wanYuan ? `wan(record[${index}].trim())` : `record[${index}].trim()`;
    return `${JSON.stringify(column)}: ${value}`;
  });
  const wan = (value: string) => (value === '' ? value : `${value}万元`);
  return new Function('wan', `return (record) => ({ ${properties.join(', ')} });`)(wan) as RawRecordBuilder;
}
