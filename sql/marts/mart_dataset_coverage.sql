-- mart_dataset_coverage: which months each dataset's current rows cover, for the report's
-- data-quality section and for choosing the default report month.
-- Grain: one row per dataset that has current rows (datasets without rows are left out).
-- The month comes from the date that decides the dataset's period: application_date (patents,
-- trademarks), effective_date (patent / trademark events), registration_date (pledges, tech
-- contracts), period (gi_output), event_date (programme_records); annual datasets cover
-- January of their first year to December of their last. Reference datasets without a period
-- (gi_products, enterprises, patent_intensive_classification) are omitted.
with patents as (
    select * from stg_patents
),

patent_events as (
    select * from stg_patent_events
),

trademarks as (
    select * from stg_trademarks
),

trademark_events as (
    select * from stg_trademark_events
),

pledges as (
    select * from stg_pledges
),

gi_output as (
    select * from stg_gi_output
),

tech_contracts as (
    select * from stg_tech_contracts
),

programme_records as (
    select * from stg_programme_records
),

enterprise_accounts as (
    select * from stg_enterprise_accounts
),

industry_accounts as (
    select * from stg_industry_accounts
),

city_accounts as (
    select * from stg_city_accounts
),

per_dataset as (
    select
        cast('patents' as varchar) as dataset,
        cast(date_trunc('month', min(application_date)) as date) as first_month,
        cast(date_trunc('month', max(application_date)) as date) as last_month,
        cast(count(*) as bigint) as row_count
    from patents
    union all
    select
        cast('patent_events' as varchar) as dataset,
        cast(date_trunc('month', min(effective_date)) as date) as first_month,
        cast(date_trunc('month', max(effective_date)) as date) as last_month,
        cast(count(*) as bigint) as row_count
    from patent_events
    union all
    select
        cast('trademarks' as varchar) as dataset,
        cast(date_trunc('month', min(application_date)) as date) as first_month,
        cast(date_trunc('month', max(application_date)) as date) as last_month,
        cast(count(*) as bigint) as row_count
    from trademarks
    union all
    select
        cast('trademark_events' as varchar) as dataset,
        cast(date_trunc('month', min(effective_date)) as date) as first_month,
        cast(date_trunc('month', max(effective_date)) as date) as last_month,
        cast(count(*) as bigint) as row_count
    from trademark_events
    union all
    select
        cast('pledges' as varchar) as dataset,
        cast(date_trunc('month', min(registration_date)) as date) as first_month,
        cast(date_trunc('month', max(registration_date)) as date) as last_month,
        cast(count(*) as bigint) as row_count
    from pledges
    union all
    select
        cast('gi_output' as varchar) as dataset,
        cast(date_trunc('month', min(period)) as date) as first_month,
        cast(date_trunc('month', max(period)) as date) as last_month,
        cast(count(*) as bigint) as row_count
    from gi_output
    union all
    select
        cast('tech_contracts' as varchar) as dataset,
        cast(date_trunc('month', min(registration_date)) as date) as first_month,
        cast(date_trunc('month', max(registration_date)) as date) as last_month,
        cast(count(*) as bigint) as row_count
    from tech_contracts
    union all
    select
        cast('programme_records' as varchar) as dataset,
        cast(date_trunc('month', min(event_date)) as date) as first_month,
        cast(date_trunc('month', max(event_date)) as date) as last_month,
        cast(count(*) as bigint) as row_count
    from programme_records
    union all
    select
        cast('enterprise_accounts' as varchar) as dataset,
        cast(cast(min(year) as varchar) || '-01-01' as date) as first_month,
        cast(cast(max(year) as varchar) || '-12-01' as date) as last_month,
        cast(count(*) as bigint) as row_count
    from enterprise_accounts
    union all
    select
        cast('industry_accounts' as varchar) as dataset,
        cast(cast(min(year) as varchar) || '-01-01' as date) as first_month,
        cast(cast(max(year) as varchar) || '-12-01' as date) as last_month,
        cast(count(*) as bigint) as row_count
    from industry_accounts
    union all
    select
        cast('city_accounts' as varchar) as dataset,
        cast(cast(min(year) as varchar) || '-01-01' as date) as first_month,
        cast(cast(max(year) as varchar) || '-12-01' as date) as last_month,
        cast(count(*) as bigint) as row_count
    from city_accounts
),

final as (
    select
        dataset,
        first_month,
        last_month,
        row_count
    from per_dataset
    where row_count > 0
)

select * from final
