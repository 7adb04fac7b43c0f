-- int_patent_pledge_shares: each pledge's secured amount split equally among the patents it names
-- (docs/high-value-patents.md "Pledge criterion").
-- Grain: one row per pledge_id and application_no named in its patent_application_nos.
-- Every status counts (a cancelled or changed pledge still realised the financing); a pledge
-- without patent_application_nos names no patent and has no row here.
-- share_fen is the secured amount in fen divided by the number of patents named, rounded down to
-- the fen, computed in integers so that DuckDB and Trino give the same value: at most
-- (patents named − 1) fen of a pledge is assigned to no patent.
with pledges as (
    select * from stg_pledges
),

listed as (
    select
        pledge_id,
        registration_date,
        patent_application_nos,
        cast(secured_amount_cny * 100 as bigint) as secured_fen,
        cast(length(patent_application_nos) - length(replace(patent_application_nos, ';', '')) + 1 as bigint) as patents_named
    from pledges
    where patent_application_nos is not null
),

named as (
    select
        listed.pledge_id,
        listed.registration_date,
        listed.secured_fen,
        listed.patents_named,
        named_patent.application_no
    from listed
    cross join unnest(split(listed.patent_application_nos, ';')) as named_patent (application_no)
),

final as (
    select
        pledge_id,
        application_no,
        registration_date,
        cast((secured_fen - mod(secured_fen, patents_named)) / patents_named as bigint) as share_fen
    from named
)

select * from final
