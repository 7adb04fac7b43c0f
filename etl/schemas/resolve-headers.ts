/**
 * Maps a file's header row onto a dataset's source columns (see header-key.ts for how headers
 * are compared). Unknown headers are returned, not rejected: the raw copy keeps them.
 */
import type { DatasetSpec, SourceColumn } from './dataset-spec.ts';
import { HeaderConflictError, MissingColumnsError } from './header-errors.ts';
import { headerKey } from './header-key.ts';

export interface ResolvedColumn {
  /** Position in the header row. */
  readonly index: number;
  readonly column: string;
  /** 10000 when the header carries (万元): values are ten-thousands of yuan. */
  readonly unitScale: 1 | 10000;
}

export interface ResolvedHeaders {
  readonly columns: ResolvedColumn[];
  /** Non-blank header cells that name no column of the dataset, as written. */
  readonly unknown: string[];
}

const WAN_YUAN_UNITS: ReadonlySet<string> = new Set(['万元', '萬元', '万元人民币', '萬元人民幣', '人民币万元', '人民幣萬元']);
const YUAN_UNITS: ReadonlySet<string> = new Set(['元', '人民币元', '人民幣元', '元人民币', '元人民幣', 'cny', 'yuan', 'rmb']);

const matchersBySpec = new WeakMap<DatasetSpec, ReadonlyMap<string, readonly SourceColumn[]>>();

function matcherOf(spec: DatasetSpec): ReadonlyMap<string, readonly SourceColumn[]> {
  let matcher = matchersBySpec.get(spec);
  if (matcher === undefined) {
    const map = new Map<string, SourceColumn[]>();
    for (const column of spec.sourceColumns) {
      for (const header of column.headers) {
        const { key } = headerKey(header);
        const owners = map.get(key) ?? [];
        if (!owners.includes(column)) owners.push(column);
        map.set(key, owners);
      }
    }
    matcher = map;
    matchersBySpec.set(spec, matcher);
  }
  return matcher;
}

function unitScaleOf(spec: DatasetSpec, column: SourceColumn, header: string, unit: string | null): 1 | 10000 {
  if (unit === null || unit === '') return 1;
  if (WAN_YUAN_UNITS.has(unit)) {
    if (column.money === true) return 10000;
    throw new HeaderConflictError(spec.name, `header "${header}" gives the unit 万元, but ${column.name} is not a money column`);
  }
  // Any other unit on a money column (千元, 亿元, 美元 …) would silently mis-scale every value.
  if (column.money === true && !YUAN_UNITS.has(unit)) {
    throw new HeaderConflictError(spec.name, `header "${header}": money column ${column.name} accepts the units 元 or 万元, not "${unit}"`);
  }
  return 1;
}

export function resolveHeaders(spec: DatasetSpec, headerRow: readonly string[]): ResolvedHeaders {
  const matcher = matcherOf(spec);
  const columns: ResolvedColumn[] = [];
  const unknown: string[] = [];
  const headerOfColumn = new Map<string, string>();
  headerRow.forEach((header, index) => {
    const { key, unit } = headerKey(header);
    const owners = matcher.get(key);
    if (owners === undefined) {
      if (key !== '' || unit !== null) unknown.push(header);
      return;
    }
    if (owners.length > 1) {
      throw new HeaderConflictError(spec.name, `header "${header}" matches both ${owners.map((owner) => owner.name).join(' and ')}`);
    }
    const column = owners[0]!;
    const earlier = headerOfColumn.get(column.name);
    if (earlier !== undefined) {
      throw new HeaderConflictError(spec.name, `column ${column.name} is given twice, as "${earlier}" and "${header}"`);
    }
    headerOfColumn.set(column.name, header);
    columns.push({ index, column: column.name, unitScale: unitScaleOf(spec, column, header, unit) });
  });
  const missing = spec.sourceColumns.filter((column) => column.required && !headerOfColumn.has(column.name));
  if (missing.length > 0) throw new MissingColumnsError(spec.name, missing);
  return { columns, unknown };
}
