-- stg_patents: the current version of each patent bibliographic and legal-status record.
-- Grain: one row per application_no (the natural key of `patents`, docs/lake.md).
-- A corrected file supersedes earlier rows by natural key: the row with the highest
-- _ingest_seq wins, then the highest _source_row (a later line of the same file).
-- Only rows of committed ingestions count: a file whose manifest says `ingested`
-- (docs/lake.md "The commit rule"); rows an interrupted ingestion left behind never do.
-- Renames and casts only; no joins, no filters beyond the commit rule and the current version.
with source as (
    select * from patents
),

committed_files as (
    select source_sha256 from manifests
    where dataset = 'patents' and status = 'ingested'
),

versioned as (
    select
        source.*,
        row_number() over (
            partition by application_no
            order by _ingest_seq desc, _source_row desc
        ) as version_rank
    from source
    where _source_sha256 in (select source_sha256 from committed_files)
),

final as (
    select
        application_no,
        patent_type,
        title,
        application_date,
        grant_date,
        legal_status,
        applicant_name,
        applicant_uscc,
        applicant_type,
        city_code,
        admin_code,
        ipc_main,
        strategic_emerging,
        overseas_family,
        award,
        _source_sha256,
        _source_row,
        _ingest_seq
    from versioned
    where version_rank = 1
)

select * from final
