-- stg_patent_events: the current version of each patent transfer or licence recordal.
-- Grain: one row per event_id (the natural key of `patent_events`, docs/lake.md).
-- A corrected file supersedes earlier rows by natural key: the row with the highest
-- _ingest_seq wins, then the highest _source_row (a later line of the same file).
-- Only rows of committed ingestions count: a file whose manifest says `ingested`
-- (docs/lake.md "The commit rule"); rows an interrupted ingestion left behind never do.
-- Renames and casts only; no joins, no filters beyond the commit rule and the current version.
with source as (
    select * from patent_events
),

committed_files as (
    select source_sha256 from manifests
    where dataset = 'patent_events' and status = 'ingested'
),

versioned as (
    select
        source.*,
        row_number() over (
            partition by event_id
            order by _ingest_seq desc, _source_row desc
        ) as version_rank
    from source
    where _source_sha256 in (select source_sha256 from committed_files)
),

final as (
    select
        event_id,
        application_no,
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
        contract_amount_cny,
        _source_sha256,
        _source_row,
        _ingest_seq
    from versioned
    where version_rank = 1
)

select * from final
