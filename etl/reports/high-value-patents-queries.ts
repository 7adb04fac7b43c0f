/**
 * Reads the high-value invention patent counts of one city as of a month end (portable SQL, named
 * parameters; docs/high-value-patents.md). The views hold dates rather than months, and the
 * pledge threshold is a setting of the city, so the count as of the report month is taken here,
 * by one query that both engines run: SQL's three-valued logic does the unknowns — a criterion
 * is NULL when its column is blank, and `a OR b` is true when either is true, false when both are
 * false, NULL otherwise — so `count(case when x then 1 end)` counts the patents that meet it and
 * `count_if(x IS NULL)` those whose value is unknown.
 */
import type { QueryEngine } from '../engines/query-engine.ts';
import { parseCents } from './exact-decimal.ts';
import { HIGH_VALUE_CRITERIA, type HighValuePatentsInput } from './high-value-patents-inputs.ts';
import { lastDayOfMonth, yearOf } from './period.ts';
import { numberAt } from './row-values.ts';

export const HIGH_VALUE_PATENTS_SQL = `with patents as (
    select * from mart_city_invention_patents_in_force
    where city_code = :city
      and grant_date <= cast(:month_end as date)
),
pledged as (
    select application_no, sum(share_fen) as pledged_fen
    from int_patent_pledge_shares
    where registration_date <= cast(:month_end as date)
    group by application_no
),
unlisted_pledges as (
    select count(*) as pledge_count
    from stg_pledges
    where pledgor_city_code = :city
      and ip_type in ('patent', 'mixed')
      and patent_application_nos is null
      and registration_date <= cast(:month_end as date)
),
judged as (
    select
        patents.strategic_emerging,
        patents.overseas_family,
        patents.award,
        patents.ten_years_after_filing < cast(:month_end as date) as maintained_over_10_years,
        case
            when coalesce(pledged.pledged_fen, 0) >= :threshold_fen then true
            when unlisted_pledges.pledge_count = 0 then false
        end as high_pledge
    from patents
    left join pledged on pledged.application_no = patents.application_no
    cross join unlisted_pledges
),
criteria as (
    select
        judged.*,
        (strategic_emerging or overseas_family or maintained_over_10_years or high_pledge or award) as high_value
    from judged
)
select
    cast(count(*) as bigint) as invention_in_force,
    cast(count(case when high_value then 1 end) as bigint) as high_value,
    cast(count(case when high_value is null then 1 end) as bigint) as high_value_unknown,
    cast(count(case when strategic_emerging then 1 end) as bigint) as strategic_emerging,
    cast(count(case when strategic_emerging is null then 1 end) as bigint) as strategic_emerging_unknown,
    cast(count(case when overseas_family then 1 end) as bigint) as overseas_family,
    cast(count(case when overseas_family is null then 1 end) as bigint) as overseas_family_unknown,
    cast(count(case when maintained_over_10_years then 1 end) as bigint) as maintained_over_10_years,
    cast(count(case when maintained_over_10_years is null then 1 end) as bigint) as maintained_over_10_years_unknown,
    cast(count(case when high_pledge then 1 end) as bigint) as high_pledge,
    cast(count(case when high_pledge is null then 1 end) as bigint) as high_pledge_unknown,
    cast(count(case when award then 1 end) as bigint) as award,
    cast(count(case when award is null then 1 end) as bigint) as award_unknown,
    cast((select pledge_count from unlisted_pledges) as bigint) as pledges_without_patent_list
from criteria`;

/** The latest year at or before the report year whose population is known. */
export const RESIDENT_POPULATION_SQL = `select year, resident_population
from int_city_resident_population
where city_code = :city
  and year <= :year
  and resident_population is not null
order by year desc
limit 1`;

export async function fetchHighValuePatentsInput(engine: QueryEngine, cityCode: string, period: string, pledgeThresholdCny: string): Promise<HighValuePatentsInput> {
  const asOf = lastDayOfMonth(period);
  const thresholdFen = parseCents(pledgeThresholdCny, `city ${cityCode} high_value_pledge_threshold_cny`);
  const where = `high-value patents (city ${cityCode}, ${asOf})`;
  const populationWhere = `int_city_resident_population (city ${cityCode})`;
  const [counts, population] = await Promise.all([
    engine.query(HIGH_VALUE_PATENTS_SQL, { city: cityCode, month_end: asOf, threshold_fen: Number(thresholdFen) }),
    engine.query(RESIDENT_POPULATION_SQL, { city: cityCode, year: yearOf(period) }),
  ]);
  const row = counts.rows[0];
  if (row === undefined) throw new Error(`${where}: the count query returned no row`);
  const [populationRow] = population.rows;
  return {
    asOf,
    inventionInForce: numberAt(row, 'invention_in_force', where),
    highValue: numberAt(row, 'high_value', where),
    highValueUnknown: numberAt(row, 'high_value_unknown', where),
    byCriterion: Object.fromEntries(
      HIGH_VALUE_CRITERIA.map((criterion) => [criterion, { met: numberAt(row, criterion, where), unknown: numberAt(row, `${criterion}_unknown`, where) }]),
    ) as HighValuePatentsInput['byCriterion'],
    pledgesWithoutPatentList: numberAt(row, 'pledges_without_patent_list', where),
    population:
      populationRow === undefined
        ? null
        : { year: numberAt(populationRow, 'year', populationWhere), persons: numberAt(populationRow, 'resident_population', populationWhere) },
    pledgeThresholdCny,
  };
}
