-- int_transfer_flows: each transfer or licence recordal once for every city it counts for.
-- Grain: one row per ip_kind, event_id and city_code.
-- Both parties in the same (rolled-up) city: one row, flow 'local'. Otherwise two rows:
-- 'outflow' for the transferor's / licensor's city and 'inflow' for the transferee's /
-- licensee's city. Counts by effective_date; cities are not yet limited to configured ones.
with events as (
    select * from int_ip_events_unioned
),

local_flows as (
    select
        ip_kind,
        event_id,
        event_type,
        effective_date,
        from_city_code as city_code,
        cast('local' as varchar) as flow,
        to_city_code as counterparty_city_code
    from events
    where from_city_code = to_city_code
),

outflows as (
    select
        ip_kind,
        event_id,
        event_type,
        effective_date,
        from_city_code as city_code,
        cast('outflow' as varchar) as flow,
        to_city_code as counterparty_city_code
    from events
    where from_city_code is not null
        and from_city_code is distinct from to_city_code
),

inflows as (
    select
        ip_kind,
        event_id,
        event_type,
        effective_date,
        to_city_code as city_code,
        cast('inflow' as varchar) as flow,
        from_city_code as counterparty_city_code
    from events
    where to_city_code is not null
        and to_city_code is distinct from from_city_code
),

unioned as (
    select * from local_flows
    union all
    select * from outflows
    union all
    select * from inflows
),

final as (
    select
        ip_kind,
        event_id,
        event_type,
        effective_date,
        cast(date_trunc('month', effective_date) as date) as month,
        city_code,
        flow,
        counterparty_city_code
    from unioned
)

select * from final
