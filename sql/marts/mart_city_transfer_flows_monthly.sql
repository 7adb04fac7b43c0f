-- mart_city_transfer_flows_monthly: transfers and licence recordals of patents and trademarks
-- per configured city, split by direction.
-- Grain: one row per configured city_code, month, ip_kind ('patent' | 'trademark'),
-- event_type ('transfer' | 'licence') and flow ('local' | 'inflow' | 'outflow') with events.
-- 'local': both parties in the city (counted once); 'outflow': the transferor / licensor is in
-- the city; 'inflow': the transferee / licensee is. By effective_date.
with city_config as (
    select * from stg_city_config
),

transfer_flows as (
    select * from int_transfer_flows
),

configured_flows as (
    select transfer_flows.*
    from transfer_flows
    inner join city_config
        on city_config.city_code = transfer_flows.city_code
),

final as (
    select
        city_code,
        month,
        ip_kind,
        event_type,
        flow,
        cast(count(*) as bigint) as event_count
    from configured_flows
    group by city_code, month, ip_kind, event_type, flow
)

select * from final
