/**
 * Rejected rows by city and month, for the reports' data quality per city (the manifest's
 * `rejected_by_city`). A rejected row has no curated values, so its city and month are read
 * from its raw values, with the dataset's own field parsers:
 * - city: every city-code field (`cityCode(...)` in etl/schemas) whose raw value parses, rolled
 *   up to its city as the ingestion rolls it up (district → city); a row naming two different
 *   cities counts once for each, a row naming none has city_code null;
 * - month: the raw value of the partition column (a date or period → `YYYY-MM`; the year of an
 *   annual dataset → `YYYY-01`, the month the SQL gives annual rows); null when it does not
 *   parse or the dataset has no partition.
 * The rejects JSONL is streamed (it can be large); row values are never logged or kept.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import { parseFieldValue } from '../schemas/field-parser.ts';
import type { CityCodePair } from '../schemas/parse/city-code.ts';
import { ParseFailure } from '../schemas/parse/parse-failure.ts';
import { rowPlanOf, type PlannedField } from '../schemas/row-plan.ts';
import type { RejectedByCity } from './manifest.ts';

export interface RejectsByCityOptions {
  readonly dataset: DatasetSpec;
  /** Local path of the rejects JSONL (row-processor.ts): `{"row":N,"line":L,"raw":{<source header>: value},"reasons":[{rule,…}]}` a line. */
  readonly rejectsPath: string;
  /** The manifest's `headers`: curated column → the source header the raw values are keyed by. */
  readonly headers: Readonly<Record<string, string>>;
}

/** How a rejected row's raw values are placed: which headers to read and how to parse them. */
interface Attribution {
  readonly cityFields: readonly { readonly header: string; readonly field: PlannedField }[];
  readonly period: { readonly header: string; readonly field: PlannedField; readonly kind: 'month' | 'year' } | null;
}

interface Group {
  readonly cityCode: string | null;
  readonly month: string | null;
  rows: number;
  readonly rules: Map<string, number>;
}

function attributionOf(dataset: DatasetSpec, headers: Readonly<Record<string, string>>): Attribution {
  const plan = rowPlanOf(dataset);
  // A column absent from the file has no header: its value is absent in every row.
  const withHeader = (field: PlannedField) => (headers[field.name] === undefined ? [] : [{ header: headers[field.name]!, field }]);
  const cityFields = plan.filter((field) => field.adminColumn !== null).flatMap(withHeader);
  const { partitioning } = dataset;
  if (partitioning.kind === 'none') return { cityFields, period: null };
  const periodField = plan.find((field) => field.name === partitioning.column);
  if (periodField === undefined) throw new Error(`${dataset.name}: the partition column ${partitioning.column} is not a field of the dataset`);
  const [period] = withHeader(periodField);
  return { cityFields, period: period === undefined ? null : { ...period, kind: partitioning.kind } };
}

function citiesOf(raw: Readonly<Record<string, unknown>>, attribution: Attribution): Set<string> {
  const cities = new Set<string>();
  for (const { header, field } of attribution.cityFields) {
    const parsed = parseFieldValue(raw[header], field.parser);
    if (parsed !== null && !(parsed instanceof ParseFailure)) cities.add((parsed as CityCodePair).city);
  }
  return cities;
}

function monthOf(raw: Readonly<Record<string, unknown>>, attribution: Attribution): string | null {
  if (attribution.period === null) return null;
  const { header, field, kind } = attribution.period;
  const parsed = parseFieldValue(raw[header], field.parser);
  if (kind === 'month') return typeof parsed === 'string' ? parsed.slice(0, 7) : null;
  return typeof parsed === 'number' ? `${String(parsed).padStart(4, '0')}-01` : null;
}

interface RejectLine {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly reasons: readonly { readonly rule: string }[];
}

/** The parts of a rejects line this module reads; the message names the line, never its values. */
function parseRejectLine(line: string, where: string): RejectLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`${where}: not a JSON line`, { cause: error });
  }
  const { raw, reasons } = (value ?? {}) as { raw?: unknown; reasons?: unknown };
  const validReasons = Array.isArray(reasons) && reasons.every((reason) => typeof (reason as { rule?: unknown } | null)?.rule === 'string');
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !validReasons) {
    throw new Error(`${where}: expected {"row":N,"raw":{…},"reasons":[{"rule":…},…]}`);
  }
  return { raw: raw as Record<string, unknown>, reasons: reasons as { rule: string }[] };
}

/** null after every value, as the manifest sorts. */
function compareNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Counts the rejects of one file by city and month, sorted by city_code then month (nulls last). */
export async function countRejectsByCity(options: RejectsByCityOptions): Promise<RejectedByCity[]> {
  const attribution = attributionOf(options.dataset, options.headers);
  const groups = new Map<string, Group>();
  const lines = createInterface({ input: createReadStream(options.rejectsPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line === '') continue;
    const reject = parseRejectLine(line, `rejects of ${options.dataset.name}, line ${lineNumber}`);
    const cities = citiesOf(reject.raw, attribution);
    const month = monthOf(reject.raw, attribution);
    for (const cityCode of cities.size === 0 ? [null] : [...cities]) {
      const id = `${cityCode ?? ''}/${month ?? ''}`;
      let group = groups.get(id);
      if (group === undefined) {
        group = { cityCode, month, rows: 0, rules: new Map() };
        groups.set(id, group);
      }
      group.rows++;
      for (const { rule } of reject.reasons) group.rules.set(rule, (group.rules.get(rule) ?? 0) + 1);
    }
  }
  return [...groups.values()]
    .sort((a, b) => compareNullsLast(a.cityCode, b.cityCode) || compareNullsLast(a.month, b.month))
    .map((group) => ({
      city_code: group.cityCode,
      month: group.month,
      rows: group.rows,
      rules: Object.fromEntries([...group.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    }));
}
