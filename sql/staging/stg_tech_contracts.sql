-- stg_tech_contracts: the current version of each registered technology contract.
-- Grain: one row per contract_id (the natural key of `tech_contracts`, docs/lake.md).
-- A corrected file supersedes earlier rows by natural key: the row with the highest
-- _ingest_seq wins, then the highest _source_row (a later line of the same file).
-- Only rows of committed ingestions count: a file whose manifest says `ingested`
-- (docs/lake.md "The commit rule"); rows an interrupted ingestion left behind never do.
-- Renames and casts only; no joins, no filters beyond the commit rule and the current version.
with source as (
    select * from tech_contracts
),

committed_files as (
    select source_sha256 from manifests
    where dataset = 'tech_contracts' and status = 'ingested'
),

versioned as (
    select
        source.*,
        row_number() over (
            partition by contract_id
            order by _ingest_seq desc, _source_row desc
        ) as version_rank
    from source
    where _source_sha256 in (select source_sha256 from committed_files)
),

final as (
    select
        contract_id,
        registration_date,
        contract_type,
        ip_kind,
        seller_name,
        seller_type,
        seller_city_code,
        seller_admin_code,
        buyer_name,
        buyer_type,
        buyer_city_code,
        buyer_admin_code,
        buyer_is_sme,
        turnover_cny,
        _source_sha256,
        _source_row,
        _ingest_seq
    from versioned
    where version_rank = 1
)

select * from final
