-- stg_city_accounts: the current version of each GDP (and resident population) of one reporting area (city or district, as given) and year.
-- Grain: one row per admin_code and year (the natural key of `city_accounts`, docs/lake.md).
-- A corrected file supersedes earlier rows by natural key: the row with the highest
-- _ingest_seq wins, then the highest _source_row (a later line of the same file).
-- Only rows of committed ingestions count: a file whose manifest says `ingested`
-- (docs/lake.md "The commit rule"); rows an interrupted ingestion left behind never do.
-- Renames and casts only; no joins, no filters beyond the commit rule and the current version.
with source as (
    select * from city_accounts
),

committed_files as (
    select source_sha256 from manifests
    where dataset = 'city_accounts' and status = 'ingested'
),

versioned as (
    select
        source.*,
        row_number() over (
            partition by admin_code, year
            order by _ingest_seq desc, _source_row desc
        ) as version_rank
    from source
    where _source_sha256 in (select source_sha256 from committed_files)
),

final as (
    select
        city_code,
        admin_code,
        year,
        gdp_cny,
        resident_population,
        _source_sha256,
        _source_row,
        _ingest_seq
    from versioned
    where version_rank = 1
)

select * from final
