-- int_ip_events_unioned: patent and trademark transfers and licence recordals in one shape.
-- Grain: one row per ip_kind and event_id ('patent' events from stg_patent_events,
-- 'trademark' events from stg_trademark_events; an event_id is unique within its kind only).
-- ip_number is the patent application_no or the trademark registration_no.
with patent_events as (
    select * from stg_patent_events
),

trademark_events as (
    select * from stg_trademark_events
),

patent_events_tagged as (
    select
        cast('patent' as varchar) as ip_kind,
        event_id,
        application_no as ip_number,
        event_type,
        licence_type,
        effective_date,
        from_name,
        from_uscc,
        from_type,
        from_city_code,
        from_admin_code,
        to_name,
        to_uscc,
        to_type,
        to_city_code,
        to_admin_code,
        to_is_sme,
        contract_amount_cny
    from patent_events
),

trademark_events_tagged as (
    select
        cast('trademark' as varchar) as ip_kind,
        event_id,
        registration_no as ip_number,
        event_type,
        licence_type,
        effective_date,
        from_name,
        from_uscc,
        from_type,
        from_city_code,
        from_admin_code,
        to_name,
        to_uscc,
        to_type,
        to_city_code,
        to_admin_code,
        to_is_sme,
        contract_amount_cny
    from trademark_events
),

final as (
    select * from patent_events_tagged
    union all
    select * from trademark_events_tagged
)

select * from final
