-- int_city_resident_population: the resident population (常住人口, persons) of each city and year,
-- from city_accounts. A city reported by district sums its districts, like GDP.
-- Grain: one row per city_code and year with at least one city_accounts row.
-- resident_population is NULL (unknown) when any row of the city and year lacks it: a partial
-- sum of districts would understate the city.
with city_accounts as (
    select * from stg_city_accounts
),

final as (
    select
        city_code,
        year,
        case
            when count(*) = count(resident_population) then cast(sum(resident_population) as bigint)
        end as resident_population
    from city_accounts
    group by city_code, year
)

select * from final
