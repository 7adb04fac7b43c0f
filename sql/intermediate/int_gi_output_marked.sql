-- int_gi_output_marked: output of authorised users that carries the GI special mark,
-- attributed to the city of the GI product (not the producer's own city).
-- Grain: one row per gi_id, producer_uscc and month (the key of stg_gi_output), for rows with
-- uses_special_mark = true whose gi_id is in stg_gi_products; unknown gi_ids are listed by
-- int_gi_output_unmatched instead.
with gi_output as (
    select * from stg_gi_output
),

gi_products as (
    select * from stg_gi_products
),

marked_output as (
    select *
    from gi_output
    where uses_special_mark = true
),

final as (
    select
        products.city_code,
        reported.gi_id,
        products.name as gi_name,
        products.in_promotion_project,
        reported.period as month,
        reported.producer_uscc,
        reported.producer_name,
        reported.city_code as producer_city_code,
        reported.output_value_cny,
        reported.quantity,
        reported.unit
    from marked_output as reported
    inner join gi_products as products
        on products.gi_id = reported.gi_id
)

select * from final
