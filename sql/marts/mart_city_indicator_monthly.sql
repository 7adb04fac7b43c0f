-- mart_city_indicator_monthly: the monthly value of every indicator the report reads from the
-- lake, for the configured cities (docs/counting-rules.md states each rule).
-- Grain: one row per configured city_code, indicator_id and month (first day) whose value is
-- not zero; a missing row means zero. value is DECIMAL(38,2): counts are whole numbers, money is yuan.
-- Flow indicators give the month's amount; cumulative indicators give what the month adds:
--   record counts (securitization, navigation, operation centres) count the month's records,
--   distinct-entity counts (SMEs, certification, custody) count entities first counted in the
--   month since 1 January of the programme start year (no rows before it).
-- patent_intensive_value_added_cny is annual and computed elsewhere.
with city_config as (
    select * from stg_city_config
),

transfer_flows as (
    select * from int_transfer_flows
),

pledges as (
    select * from stg_pledges
),

tech_contracts as (
    select * from stg_tech_contracts
),

programme_records as (
    select * from stg_programme_records
),

entities_first_seen as (
    select * from int_programme_entities_first_seen
),

gi_output_marked as (
    select * from int_gi_output_marked
),

-- one row per event and city, so a local event counts once and an inter-city one once per side
transfer_licence_count as (
    select
        city_code,
        cast('ip_transfer_licence_count' as varchar) as indicator_id,
        month,
        cast(count(*) as decimal(38, 2)) as value
    from transfer_flows
    group by city_code, month
),

-- only new registrations (设立) are new financing; changes and cancellations are not
new_pledges as (
    select
        pledgor_city_code as city_code,
        cast(date_trunc('month', registration_date) as date) as month,
        secured_amount_cny
    from pledges
    where status = 'registered'
),

pledge_amount as (
    select
        city_code,
        cast('pledge_amount_cny' as varchar) as indicator_id,
        month,
        cast(sum(secured_amount_cny) as decimal(38, 2)) as value
    from new_pledges
    group by city_code, month
),

pledge_project_count as (
    select
        city_code,
        cast('pledge_project_count' as varchar) as indicator_id,
        month,
        cast(count(*) as decimal(38, 2)) as value
    from new_pledges
    group by city_code, month
),

patent_contract_turnover as (
    select
        seller_city_code as city_code,
        cast('patent_contract_turnover_cny' as varchar) as indicator_id,
        cast(date_trunc('month', registration_date) as date) as month,
        cast(sum(turnover_cny) as decimal(38, 2)) as value
    from tech_contracts
    where ip_kind = 'patent'
    group by seller_city_code, cast(date_trunc('month', registration_date) as date)
),

programme_record_count as (
    select
        city_code,
        cast(case kind
            when 'securitization' then 'securitization_product_count'
            when 'patent_navigation' then 'patent_navigation_project_count'
            else 'operation_centre_count'
        end as varchar) as indicator_id,
        cast(date_trunc('month', event_date) as date) as month,
        cast(count(*) as decimal(38, 2)) as value
    from programme_records
    where kind in ('securitization', 'patent_navigation', 'operation_centre')
    group by city_code, kind, cast(date_trunc('month', event_date) as date)
),

new_entity_count as (
    select
        city_code,
        indicator_id,
        first_month as month,
        cast(count(*) as decimal(38, 2)) as value
    from entities_first_seen
    group by city_code, indicator_id, first_month
),

gi_promotion_output as (
    select
        city_code,
        cast('gi_output_value_cny' as varchar) as indicator_id,
        month,
        cast(sum(output_value_cny) as decimal(38, 2)) as value
    from gi_output_marked
    where in_promotion_project = true
    group by city_code, month
),

all_indicators as (
    select * from transfer_licence_count
    union all
    select * from pledge_amount
    union all
    select * from pledge_project_count
    union all
    select * from patent_contract_turnover
    union all
    select * from programme_record_count
    union all
    select * from new_entity_count
    union all
    select * from gi_promotion_output
),

final as (
    select
        all_indicators.city_code,
        all_indicators.indicator_id,
        all_indicators.month,
        all_indicators.value
    from all_indicators
    inner join city_config
        on city_config.city_code = all_indicators.city_code
    where all_indicators.value <> 0
)

select * from final
