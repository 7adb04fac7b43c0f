-- mart_city_dataset_rows_monthly: how many current rows of each dataset count for each
-- configured city in each month, for the report's data-quality section.
-- Grain: one row per configured city_code, dataset and month with rows (month NULL for datasets
-- without a period). Attribution as in int_dataset_rows_by_city: a transfer between two
-- configured cities counts for both, one within a city once.
with city_config as (
    select * from stg_city_config
),

rows_by_city as (
    select * from int_dataset_rows_by_city
),

configured_rows as (
    select rows_by_city.*
    from rows_by_city
    inner join city_config
        on city_config.city_code = rows_by_city.city_code
),

final as (
    select
        city_code,
        dataset,
        month,
        cast(count(*) as bigint) as row_count
    from configured_rows
    group by city_code, dataset, month
)

select * from final
