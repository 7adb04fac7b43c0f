-- stg_city_config: the cities this deployment serves, from the city configuration
-- (`run` writes it to curated/city_config/). Every mart keeps only these cities.
-- Grain: one row per city_code (already a city-level code; the configuration has one row per city).
with source as (
    select * from city_config
),

final as (
    select
        city_code,
        city_name,
        programme_start_year,
        base_year
    from source
)

select * from final
