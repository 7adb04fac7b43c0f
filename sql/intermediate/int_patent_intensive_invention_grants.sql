-- int_patent_intensive_invention_grants: invention patents granted to each enterprise per year,
-- the numerator of the intensity analysis (invention patents per 10,000 employees).
-- Grain: one row per applicant uscc and grant_year with at least one such grant.
-- Counts patents with patent_type 'invention', a grant_date and an applicant_uscc, whatever their
-- current legal status except 'invalidated' (无效: declared void, as if never granted); a patent
-- granted and later lapsed or expired was granted in its year.
with patents as (
    select * from stg_patents
),

granted_inventions as (
    select
        applicant_uscc as uscc,
        year(grant_date) as grant_year
    from patents
    where patent_type = 'invention'
        and grant_date is not null
        and applicant_uscc is not null
        and legal_status <> 'invalidated'
),

final as (
    select
        uscc,
        grant_year,
        cast(count(*) as bigint) as invention_grants
    from granted_inventions
    group by uscc, grant_year
)

select * from final
