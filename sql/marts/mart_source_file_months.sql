-- mart_source_file_months: the months of each source file's current rows, for the report's
-- coverage rule (a delivery that declares no coverage covers up to its own last month,
-- docs/indicators.md "Coverage").
-- Grain: one row per dataset and source file (_source_sha256) with current rows (after
-- supersession; a file whose rows were all superseded has none). Months by the date that decides
-- the dataset's period, as in mart_dataset_coverage; annual datasets: January of the first year
-- to December of the last. Reference datasets without a period are omitted.
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

dated_rows as (
    select
        cast('patents' as varchar) as dataset,
        _source_sha256 as source_sha256,
        cast(date_trunc('month', application_date) as date) as row_first_month,
        cast(date_trunc('month', application_date) as date) as row_last_month
    from patents
    union all
    select
        cast('patent_events' as varchar) as dataset,
        _source_sha256 as source_sha256,
        cast(date_trunc('month', effective_date) as date) as row_first_month,
        cast(date_trunc('month', effective_date) as date) as row_last_month
    from patent_events
    union all
    select
        cast('trademarks' as varchar) as dataset,
        _source_sha256 as source_sha256,
        cast(date_trunc('month', application_date) as date) as row_first_month,
        cast(date_trunc('month', application_date) as date) as row_last_month
    from trademarks
    union all
    select
        cast('trademark_events' as varchar) as dataset,
        _source_sha256 as source_sha256,
        cast(date_trunc('month', effective_date) as date) as row_first_month,
        cast(date_trunc('month', effective_date) as date) as row_last_month
    from trademark_events
    union all
    select
        cast('pledges' as varchar) as dataset,
        _source_sha256 as source_sha256,
        cast(date_trunc('month', registration_date) as date) as row_first_month,
        cast(date_trunc('month', registration_date) as date) as row_last_month
    from pledges
    union all
    select
        cast('gi_output' as varchar) as dataset,
        _source_sha256 as source_sha256,
        cast(date_trunc('month', period) as date) as row_first_month,
        cast(date_trunc('month', period) as date) as row_last_month
    from gi_output
    union all
    select
        cast('tech_contracts' as varchar) as dataset,
        _source_sha256 as source_sha256,
        cast(date_trunc('month', registration_date) as date) as row_first_month,
        cast(date_trunc('month', registration_date) as date) as row_last_month
    from tech_contracts
    union all
    select
        cast('programme_records' as varchar) as dataset,
        _source_sha256 as source_sha256,
        cast(date_trunc('month', event_date) as date) as row_first_month,
        cast(date_trunc('month', event_date) as date) as row_last_month
    from programme_records
    union all
    select
        cast('enterprise_accounts' as varchar) as dataset,
        _source_sha256 as source_sha256,
        cast(cast(year as varchar) || '-01-01' as date) as row_first_month,
        cast(cast(year as varchar) || '-12-01' as date) as row_last_month
    from enterprise_accounts
    union all
    select
        cast('industry_accounts' as varchar) as dataset,
        _source_sha256 as source_sha256,
        cast(cast(year as varchar) || '-01-01' as date) as row_first_month,
        cast(cast(year as varchar) || '-12-01' as date) as row_last_month
    from industry_accounts
    union all
    select
        cast('city_accounts' as varchar) as dataset,
        _source_sha256 as source_sha256,
        cast(cast(year as varchar) || '-01-01' as date) as row_first_month,
        cast(cast(year as varchar) || '-12-01' as date) as row_last_month
    from city_accounts
),

final as (
    select
        dataset,
        source_sha256,
        min(row_first_month) as first_month,
        max(row_last_month) as last_month,
        cast(count(*) as bigint) as row_count
    from dated_rows
    group by dataset, source_sha256
)

select * from final
