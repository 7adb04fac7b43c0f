-- int_gi_output_unmatched: data quality — GI output rows whose gi_id is not in gi_products.
-- They cannot be attributed to a GI product's city, so no mart counts them; the operator
-- fixes the gi_id or loads the missing product.
-- Grain: one row per gi_id, producer_uscc and period (current rows of stg_gi_output), marked
-- or not, with the source file and row to find it.
with gi_output as (
    select * from stg_gi_output
),

gi_products as (
    select * from stg_gi_products
),

final as (
    select
        reported.gi_id,
        reported.producer_uscc,
        reported.producer_name,
        reported.city_code as producer_city_code,
        reported.period as month,
        reported.output_value_cny,
        reported.uses_special_mark,
        reported._source_sha256,
        reported._source_row
    from gi_output as reported
    left join gi_products as products
        on products.gi_id = reported.gi_id
    where products.gi_id is null
)

select * from final
