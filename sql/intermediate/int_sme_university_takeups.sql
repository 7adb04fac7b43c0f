-- int_sme_university_takeups: patent transfers and licences from a university or research
-- institute to an SME (small or medium-sized enterprise).
-- Grain: one row per patent event_id that qualifies.
-- The taker counts for its own (rolled-up) city, to_city_code. It is an SME when the event
-- says so (to_is_sme = true); when the event is silent (to_is_sme is null) the enterprise
-- register decides by to_uscc; an explicit to_is_sme = false is not overridden by the register,
-- and a taker with neither is not counted.
with patent_events as (
    select * from stg_patent_events
),

enterprises as (
    select * from stg_enterprises
),

from_research_bodies as (
    select *
    from patent_events
    where from_type in ('university', 'research_institute')
),

with_register as (
    select
        events.event_id,
        events.event_type,
        events.effective_date,
        events.from_type,
        events.from_name,
        events.to_city_code as city_code,
        events.to_uscc as taker_uscc,
        events.to_name as taker_name,
        events.to_is_sme,
        enterprise_register.is_sme as register_is_sme
    from from_research_bodies as events
    left join enterprises as enterprise_register
        on enterprise_register.uscc = events.to_uscc
),

final as (
    select
        event_id,
        event_type,
        effective_date,
        from_type,
        from_name,
        city_code,
        taker_uscc,
        taker_name,
        cast(case when to_is_sme is not null then 'event' else 'register' end as varchar) as sme_evidence
    from with_register
    where coalesce(to_is_sme, register_is_sme, false)
)

select * from final
