-- stg_programme_records: the current version of each entry of the IP operation programme ledger.
-- Grain: one row per record_id (the natural key of `programme_records`, docs/lake.md).
-- A corrected file supersedes earlier rows by natural key: the row with the highest
-- _ingest_seq wins, then the highest _source_row (a later line of the same file).
-- Renames and casts only; no joins, no filters beyond choosing the current version.
with source as (
    select * from programme_records
),

versioned as (
    select
        source.*,
        row_number() over (
            partition by record_id
            order by _ingest_seq desc, _source_row desc
        ) as version_rank
    from source
),

final as (
    select
        record_id,
        city_code,
        admin_code,
        kind,
        entity_name,
        entity_uscc,
        event_date,
        amount_cny,
        _source_sha256,
        _source_row,
        _ingest_seq
    from versioned
    where version_rank = 1
)

select * from final
