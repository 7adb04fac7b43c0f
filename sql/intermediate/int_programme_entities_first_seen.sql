-- int_programme_entities_first_seen: the entities behind the three distinct-entity
-- indicators, each with the first qualifying event that counts it for a configured city.
-- Grain: one row per configured city_code, indicator_id and entity_key.
--   sme_university_patent_count  SMEs taking a university / institute patent (int_sme_university_takeups)
--   ip_certified_entity_count    programme_records of kind ip_management_certification
--   ip_custody_sme_count         programme_records of kind ip_custody
-- An entity is its USCC, else its normalised name (spaces removed, full-width brackets made
-- ASCII, Latin letters lower-cased); a name-only record whose normalised name carries exactly
-- one USCC elsewhere in the same city and indicator is that USCC's entity.
-- Only events on or after 1 January of the city's programme_start_year count, so an entity
-- first seen before the programme and again after it is counted at its first event after.
with city_config as (
    select * from stg_city_config
),

sme_takeups as (
    select * from int_sme_university_takeups
),

programme_records as (
    select * from stg_programme_records
),

qualifying_events as (
    select
        cast('sme_university_patent_count' as varchar) as indicator_id,
        city_code,
        taker_uscc as entity_uscc,
        taker_name as entity_name,
        effective_date as event_date
    from sme_takeups
    union all
    select
        cast(case kind
            when 'ip_management_certification' then 'ip_certified_entity_count'
            else 'ip_custody_sme_count'
        end as varchar) as indicator_id,
        city_code,
        entity_uscc,
        entity_name,
        event_date
    from programme_records
    where kind in ('ip_management_certification', 'ip_custody')
),

named as (
    select
        indicator_id,
        city_code,
        entity_uscc,
        entity_name,
        event_date,
        lower(replace(replace(replace(replace(entity_name, ' ', ''), '　', ''), '（', '('), '）', ')'))
            as normalised_name
    from qualifying_events
),

names_with_one_uscc as (
    select
        indicator_id,
        city_code,
        normalised_name,
        min(entity_uscc) as entity_uscc
    from named
    where entity_uscc is not null
    group by indicator_id, city_code, normalised_name
    having count(distinct entity_uscc) = 1
),

keyed as (
    select
        named.indicator_id,
        named.city_code,
        named.entity_name,
        named.event_date,
        case
            when named.entity_uscc is not null then 'uscc:' || named.entity_uscc
            when known.entity_uscc is not null then 'uscc:' || known.entity_uscc
            else 'name:' || named.normalised_name
        end as entity_key
    from named
    left join names_with_one_uscc as known
        on known.indicator_id = named.indicator_id
        and known.city_code = named.city_code
        and known.normalised_name = named.normalised_name
),

since_programme_start as (
    select keyed.*
    from keyed
    inner join city_config
        on city_config.city_code = keyed.city_code
    where year(keyed.event_date) >= city_config.programme_start_year
),

final as (
    select
        city_code,
        indicator_id,
        entity_key,
        min(entity_name) as entity_name,
        min(event_date) as first_event_date,
        cast(date_trunc('month', min(event_date)) as date) as first_month,
        cast(count(*) as bigint) as qualifying_event_count
    from since_programme_start
    group by city_code, indicator_id, entity_key
)

select * from final
