-- mart_industry_patent_intensity: the patent intensity of each GB/T 4754 class in the data of the
-- configured cities: invention patents granted in the five years up to a year, and employees.
-- Grain: one row per industry_code (a class with enterprises of configured cities in the register)
-- and year (every year with an invention grant or enterprise accounts in the data).
-- invention_grants_5y counts inventions granted (int_patent_intensive_invention_grants) from
-- year - 4 to year to enterprises of the class; employees sums the register's employees (a
-- snapshot, the same for every year; enterprises without a figure count 0 and are counted in
-- enterprises_without_employees). Intensity = invention_grants_5y * 10000 / employees, computed
-- by the reader (`ipstats classify`, etl/classification/).
with city_config as (
    select * from stg_city_config
),

enterprises as (
    select * from stg_enterprises
),

invention_grants as (
    select * from int_patent_intensive_invention_grants
),

enterprise_accounts as (
    select * from stg_enterprise_accounts
),

configured_enterprises as (
    select enterprises.*
    from enterprises
    inner join city_config
        on city_config.city_code = enterprises.city_code
),

classes as (
    select
        industry_code,
        cast(count(*) as bigint) as enterprise_count,
        cast(sum(coalesce(employees, 0)) as bigint) as employees,
        cast(count(case when employees is null then 1 end) as bigint) as enterprises_without_employees
    from configured_enterprises
    group by industry_code
),

years as (
    select grant_year as year from invention_grants
    union
    select year from enterprise_accounts
),

grants_in_window as (
    select
        configured_enterprises.industry_code,
        years.year,
        cast(sum(invention_grants.invention_grants) as bigint) as invention_grants_5y,
        cast(count(distinct invention_grants.uscc) as bigint) as granted_enterprise_count
    from years
    inner join invention_grants
        on invention_grants.grant_year <= years.year
        and invention_grants.grant_year >= years.year - 4
    inner join configured_enterprises
        on configured_enterprises.uscc = invention_grants.uscc
    group by configured_enterprises.industry_code, years.year
),

final as (
    select
        classes.industry_code,
        years.year,
        classes.enterprise_count,
        classes.employees,
        classes.enterprises_without_employees,
        coalesce(grants_in_window.invention_grants_5y, cast(0 as bigint)) as invention_grants_5y,
        coalesce(grants_in_window.granted_enterprise_count, cast(0 as bigint)) as granted_enterprise_count
    from classes
    cross join years
    left join grants_in_window
        on grants_in_window.industry_code = classes.industry_code
        and grants_in_window.year = years.year
)

select * from final
