-- mart_city_invention_patents_in_force: the invention patents of the configured cities that the
-- register shows in force (legal_status granted, 有效), with what decides each high-value criterion
-- (docs/high-value-patents.md). The report counts them as of a month end (:month_end), so this
-- mart carries dates, not a month: a patent is in force at the end of month m when
-- grant_date <= end of m; it is maintained more than 10 years when ten_years_after_filing < end of m.
-- Grain: one row per application_no (an invention patent granted and in force today, city_code configured).
-- The register gives only today's legal status, so a past month is counted with it: a patent
-- that lapsed since is not counted in any month (docs/high-value-patents.md "Limitations").
-- strategic_emerging, overseas_family and award are NULL when unknown (the column blank or absent).
with city_config as (
    select * from stg_city_config
),

patents as (
    select * from stg_patents
),

in_force as (
    select
        patents.city_code,
        patents.application_no,
        patents.application_date,
        patents.grant_date,
        -- the patent term runs from the filing date (Patent Law art. 42)
        cast(patents.application_date + interval '10' year as date) as ten_years_after_filing,
        patents.strategic_emerging,
        patents.overseas_family,
        patents.award
    from patents
    where patents.patent_type = 'invention'
      and patents.legal_status = 'granted'
      and patents.grant_date is not null
      and patents.city_code in (select city_code from city_config)
),

final as (
    select * from in_force
)

select * from final
