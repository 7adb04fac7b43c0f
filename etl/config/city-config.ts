/**
 * The cities a deployment serves, read from a JSON or YAML file (DATA-CONTRACT.md "City
 * configuration"), with the defaults applied: base_year = programme_start_year − 1, the
 * notice's default target for every indicator the file does not set, and no configured coverage.
 */
import { readFile } from 'node:fs/promises';
import { readMonthRange, type OpenMonthRange } from '../coverage/coverage-range.ts';
import { INDICATORS, INDICATOR_IDS, type IndicatorId, type Target } from '../reports/indicators.ts';
import type { SelfEvaluationRowKey } from '../reports/self-evaluation-rows.ts';
import type { DatasetName } from '../schemas/dataset-spec.ts';
import { ALLOWED_KEYS, CityConfigFileSchema, type CityEntry } from './city-config-schema.ts';
import { ConfigError } from './config-error.ts';
import { configIssuesOf } from './config-issues.ts';
import { DEFAULT_HIGH_VALUE_PLEDGE_THRESHOLD_CNY } from './pledge-threshold-schema.ts';
import { parseConfigText } from './config-text.ts';

export { ConfigError, type ConfigIssue } from './config-error.ts';

export interface ConfiguredCity {
  /** City-level GB/T 2260 code, e.g. "440300". */
  readonly code: string;
  readonly name: string;
  readonly programmeStartYear: number;
  /** @default programmeStartYear − 1 */
  readonly baseYear: number;
  /** @default [] */
  readonly contacts: readonly string[];
  /** Every indicator's target: the file's where given, else the notice's default. */
  readonly targets: Readonly<Record<IndicatorId, Target>>;
  /**
   * Configured share of each partial patent-intensive class for the industry method, by
   * GB/T 4754-2017 class (0–1). @default {} (shares are derived from the enterprise data)
   */
  readonly patentIntensivePartialShares?: Readonly<Record<string, number>>;
  /**
   * `high_value_pledge_threshold_cny`: pledge financing (yuan, exact decimal string) from which an
   * invention patent is high-value by its pledges (docs/high-value-patents.md).
   * @default '10000000.00' (1000万元)
   */
  readonly highValuePledgeThresholdCny?: string;
  /** `data_since`: the default first month 'YYYY-MM' of every monthly dataset of this city. @default null */
  readonly dataSince: string | null;
  /**
   * `coverage`: per monthly dataset, the months it covers for this city; `last` null for an
   * open range (`FROM..`). Wins over `dataSince` for its dataset. @default {}
   */
  readonly coverageOverrides: Readonly<Partial<Record<DatasetName, OpenMonthRange>>>;
  /**
   * `self_evaluation_weights`: the 分值 of every row of the self-evaluation grid (docs/self-evaluation.md).
   * @default null (DEFAULT_SELF_EVALUATION_WEIGHTS)
   */
  readonly selfEvaluationWeights?: Readonly<Record<SelfEvaluationRowKey, number>> | null;
}

export interface CityConfig {
  /** The file the configuration came from, for messages. */
  readonly sourceName: string;
  readonly cities: readonly ConfiguredCity[];
}

export async function loadCityConfig(path: string): Promise<CityConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(path, [{ path: '$', problem: `cannot read the city configuration: ${reason}` }], { cause: error });
  }
  return parseCityConfig(text, path);
}

/** `sourceName` is the file name (its extension chooses JSON or YAML) and prefixes every error. */
export function parseCityConfig(text: string, sourceName: string): CityConfig {
  const data = parseConfigText(text, sourceName);
  const result = CityConfigFileSchema.safeParse(data);
  if (!result.success) {
    throw new ConfigError(sourceName, configIssuesOf(result.error.issues, data, allowedKeysAt), { cause: result.error });
  }
  return { sourceName, cities: result.data.cities.map(withDefaults) };
}

/** The configured city with this code; an unknown code is a configuration error listing the known ones. */
export function cityByCode(config: CityConfig, code: string): ConfiguredCity {
  const city = config.cities.find((candidate) => candidate.code === code);
  if (!city) {
    const known = config.cities.map((candidate) => candidate.code).join(', ');
    throw new ConfigError(config.sourceName, [{ path: '$.cities', problem: `no city with code "${code}"; configured: ${known}` }]);
  }
  return city;
}

function withDefaults(entry: CityEntry): ConfiguredCity {
  const targets = Object.fromEntries(
    INDICATOR_IDS.map((id) => [id, (entry.targets?.[id] as Target | undefined) ?? INDICATORS[id].defaultTarget]),
  ) as Record<IndicatorId, Target>;
  return {
    code: entry.code,
    name: entry.name,
    programmeStartYear: entry.programme_start_year,
    baseYear: entry.base_year ?? entry.programme_start_year - 1,
    contacts: entry.contacts ?? [],
    targets,
    patentIntensivePartialShares: entry.patent_intensive_partial_shares ?? {},
    highValuePledgeThresholdCny: entry.high_value_pledge_threshold_cny ?? DEFAULT_HIGH_VALUE_PLEDGE_THRESHOLD_CNY,
    dataSince: entry.data_since ?? null,
    coverageOverrides: coverageOverridesOf(entry.coverage ?? {}),
    selfEvaluationWeights: (entry.self_evaluation_weights as Record<SelfEvaluationRowKey, number> | undefined) ?? null,
  };
}

/** The schema has checked every name and range; this only reads them. */
function coverageOverridesOf(coverage: Readonly<Record<string, string>>): Partial<Record<DatasetName, OpenMonthRange>> {
  const overrides: Partial<Record<DatasetName, OpenMonthRange>> = {};
  for (const [dataset, text] of Object.entries(coverage)) {
    const reading = readMonthRange(text, { openEnded: true });
    if (!reading.ok) throw new Error(`coverage of ${dataset} ${JSON.stringify(text)} passed the schema but does not read`);
    overrides[dataset as DatasetName] = reading.range;
  }
  return overrides;
}

function allowedKeysAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return ALLOWED_KEYS.file;
  if (path.length === 2) return ALLOWED_KEYS.city;
  return ALLOWED_KEYS.target;
}
