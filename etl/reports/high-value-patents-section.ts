/**
 * The report's high_value_patents section (每万人口高价值发明专利拥有量, docs/high-value-patents.md):
 * invention patents in force at the report month's end, the high-value ones (each once, whatever
 * number of criteria it meets), the count per criterion, and high-value patents per 10,000
 * residents. Unknown is not no: a count that depends on a blank optional column is null with
 * `unknown_values` and the column in `missing_columns`; never 0.
 */
import { centsToYuan, divideRounded, parseCents } from './exact-decimal.ts';
import { HIGH_VALUE_CRITERIA, type HighValueCriterion, type HighValuePatentsInput } from './high-value-patents-inputs.ts';
import { known, missing, valueOf, type Figure, type NullReason } from './null-reasons.ts';
import type { HighValuePatentsSection } from './report-schema.ts';

type MissingColumn = HighValuePatentsSection['missing_columns'][number];

/** The optional column whose blanks make a criterion unknown (maintenance needs only required columns). */
const COLUMN_OF_CRITERION: Readonly<Record<HighValueCriterion, MissingColumn | null>> = {
  strategic_emerging: 'strategic_emerging',
  overseas_family: 'overseas_family',
  maintained_over_10_years: null,
  high_pledge: 'patent_application_nos',
  award: 'award',
};

const RESIDENTS_PER_UNIT = 10_000n;

/** high-value patents × 10,000 ÷ residents, in hundredths (件/万人 to two decimals), half away from zero. */
export function per10kResidentsHundredths(highValue: number, residents: number): bigint {
  return divideRounded(BigInt(highValue) * RESIDENTS_PER_UNIT * 100n, BigInt(residents));
}

function reasonsOf(figures: Record<string, Figure<number>>): Record<string, NullReason> {
  return Object.fromEntries(Object.entries(figures).flatMap(([name, figure]) => (figure.ok ? [] : [[name, figure.reason]])));
}

function valuesOf<K extends string>(figures: Record<K, Figure<number>>): Record<K, number | null> {
  return Object.fromEntries(Object.entries<Figure<number>>(figures).map(([name, figure]) => [name, valueOf(figure)])) as Record<K, number | null>;
}

/** `input` undefined: the lake has no patents to count (every figure null, no_data). */
export function highValuePatentsSection(input: HighValuePatentsInput | undefined, asOf: string, pledgeThresholdCny: string, where: string): HighValuePatentsSection {
  const thresholdCny = centsToYuan(parseCents(pledgeThresholdCny, `${where} pledge threshold`));
  if (input === undefined) {
    const byCriterion = Object.fromEntries(HIGH_VALUE_CRITERIA.map((name) => [name, null])) as HighValuePatentsSection['by_criterion'];
    return {
      as_of: asOf,
      invention_in_force: null,
      high_value_in_force: null,
      per_10k_residents: null,
      resident_population: null,
      population_year: null,
      pledge_threshold_cny: thresholdCny,
      by_criterion: byCriterion,
      missing_columns: [],
      null_reasons: {
        invention_in_force: 'no_data',
        high_value_in_force: 'no_data',
        per_10k_residents: 'no_data',
        resident_population: 'no_data',
        by_criterion: Object.fromEntries(HIGH_VALUE_CRITERIA.map((name) => [name, 'no_data'])),
      },
    };
  }

  const missingColumns = new Set<MissingColumn>();
  const byCriterion = {} as Record<HighValueCriterion, Figure<number>>;
  for (const name of HIGH_VALUE_CRITERIA) {
    const { met, unknown } = input.byCriterion[name];
    const column = COLUMN_OF_CRITERION[name];
    if (unknown > 0 && column === null) throw new Error(`${where}: ${unknown} patents with an unknown ${name}, which needs no optional column`);
    if (unknown > 0 && column !== null) missingColumns.add(column);
    byCriterion[name] = unknown > 0 ? missing('unknown_values') : known(met);
  }
  const highValue: Figure<number> = input.highValueUnknown > 0 ? missing('unknown_values') : known(input.highValue);
  const population: Figure<number> = input.population === null ? missing('no_population') : known(input.population.persons);
  if (input.population === null) missingColumns.add('resident_population');
  const per10k: Figure<number> = !highValue.ok
    ? highValue
    : !population.ok
      ? population
      : known(Number(per10kResidentsHundredths(highValue.value, population.value)) / 100);

  const headline = { invention_in_force: known(input.inventionInForce), high_value_in_force: highValue, per_10k_residents: per10k, resident_population: population };
  return {
    as_of: input.asOf,
    ...valuesOf(headline),
    population_year: input.population?.year ?? null,
    pledge_threshold_cny: thresholdCny,
    by_criterion: valuesOf(byCriterion),
    missing_columns: ['strategic_emerging', 'overseas_family', 'award', 'patent_application_nos', 'resident_population'].filter((column) =>
      missingColumns.has(column as MissingColumn),
    ) as MissingColumn[],
    null_reasons: { ...reasonsOf(headline), by_criterion: reasonsOf(byCriterion) },
  };
}
