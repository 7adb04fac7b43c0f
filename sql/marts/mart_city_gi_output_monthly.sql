-- mart_city_gi_output_monthly: output value of GI products reported by authorised users who
-- use the GI special mark, per GI product of each configured city.
-- Grain: one row per configured city_code, gi_id and month with marked output rows.
-- The city is the GI product's city; producer_count is the number of distinct authorised users
-- (producer_uscc) reporting marked output for the product that month.
with city_config as (
    select * from stg_city_config
),

gi_output_marked as (
    select * from int_gi_output_marked
),

configured_output as (
    select gi_output_marked.*
    from gi_output_marked
    inner join city_config
        on city_config.city_code = gi_output_marked.city_code
),

final as (
    select
        city_code,
        gi_id,
        gi_name,
        in_promotion_project,
        month,
        cast(sum(output_value_cny) as decimal(38, 2)) as output_value_cny,
        cast(count(distinct producer_uscc) as bigint) as producer_count
    from configured_output
    group by city_code, gi_id, gi_name, in_promotion_project, month
)

select * from final
