-- stg_gi_output: the current version of each output reported by an authorised GI-mark user for one month.
-- Grain: one row per gi_id, producer_uscc and period (the natural key of `gi_output`, docs/lake.md).
-- A corrected file supersedes earlier rows by natural key: the row with the highest
-- _ingest_seq wins, then the highest _source_row (a later line of the same file).
-- Only rows of committed ingestions count: a file whose manifest says `ingested`
-- (docs/lake.md "The commit rule"); rows an interrupted ingestion left behind never do.
-- Renames and casts only; no joins, no filters beyond the commit rule and the current version.
with source as (
    select * from gi_output
),

committed_files as (
    select source_sha256 from manifests
    where dataset = 'gi_output' and status = 'ingested'
),

versioned as (
    select
        source.*,
        row_number() over (
            partition by gi_id, producer_uscc, period
            order by _ingest_seq desc, _source_row desc
        ) as version_rank
    from source
    where _source_sha256 in (select source_sha256 from committed_files)
),

final as (
    select
        gi_id,
        producer_name,
        producer_uscc,
        city_code,
        admin_code,
        period,
        output_value_cny,
        quantity,
        unit,
        uses_special_mark,
        _source_sha256,
        _source_row,
        _ingest_seq
    from versioned
    where version_rank = 1
)

select * from final
