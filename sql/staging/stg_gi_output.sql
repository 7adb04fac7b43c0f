-- stg_gi_output: the current version of each output reported by an authorised GI-mark user for one month.
-- Grain: one row per gi_id, producer_uscc and period (the natural key of `gi_output`, docs/lake.md).
-- A corrected file supersedes earlier rows by natural key: the row with the highest
-- _ingest_seq wins, then the highest _source_row (a later line of the same file).
-- Renames and casts only; no joins, no filters beyond choosing the current version.
with source as (
    select * from gi_output
),

versioned as (
    select
        source.*,
        row_number() over (
            partition by gi_id, producer_uscc, period
            order by _ingest_seq desc, _source_row desc
        ) as version_rank
    from source
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
