-- stg_enterprises: the current version of each enterprise of the enterprise register.
-- Grain: one row per uscc (the natural key of `enterprises`, docs/lake.md).
-- A corrected file supersedes earlier rows by natural key: the row with the highest
-- _ingest_seq wins, then the highest _source_row (a later line of the same file).
-- Renames and casts only; no joins, no filters beyond choosing the current version.
with source as (
    select * from enterprises
),

versioned as (
    select
        source.*,
        row_number() over (
            partition by uscc
            order by _ingest_seq desc, _source_row desc
        ) as version_rank
    from source
),

final as (
    select
        uscc,
        name,
        city_code,
        admin_code,
        industry_code,
        is_sme,
        is_above_scale,
        employees,
        _source_sha256,
        _source_row,
        _ingest_seq
    from versioned
    where version_rank = 1
)

select * from final
