-- stg_pledges: the current version of each IP pledge registration.
-- Grain: one row per pledge_id (the natural key of `pledges`, docs/lake.md).
-- A corrected file supersedes earlier rows by natural key: the row with the highest
-- _ingest_seq wins, then the highest _source_row (a later line of the same file).
-- Only rows of committed ingestions count: a file whose manifest says `ingested`
-- (docs/lake.md "The commit rule"); rows an interrupted ingestion left behind never do.
-- Renames and casts only; no joins, no filters beyond the commit rule and the current version.
with source as (
    select * from pledges
),

committed_files as (
    select source_sha256 from manifests
    where dataset = 'pledges' and status = 'ingested'
),

versioned as (
    select
        source.*,
        row_number() over (
            partition by pledge_id
            order by _ingest_seq desc, _source_row desc
        ) as version_rank
    from source
    where _source_sha256 in (select source_sha256 from committed_files)
),

final as (
    select
        pledge_id,
        ip_type,
        ip_count,
        registration_date,
        status,
        pledgor_name,
        pledgor_uscc,
        pledgor_city_code,
        pledgor_admin_code,
        pledgor_is_sme,
        pledgee_name,
        pledgee_type,
        secured_amount_cny,
        term_start,
        term_end,
        patent_application_nos,
        _source_sha256,
        _source_row,
        _ingest_seq
    from versioned
    where version_rank = 1
)

select * from final
