-- int_dataset_rows_by_city: the city (or cities) each current row of every dataset can count
-- for, by the counting rules (docs/counting-rules.md), and its month.
-- Grain: one row per dataset, current source row (_source_sha256, _source_row) and city: a
-- transfer or licence between two cities appears once for each, one within a city once.
-- Attribution: transfers and licences either party's city; pledges the pledgor's; technology
-- contracts the seller's; GI output the GI product's city (rows whose gi_id has no product count
-- for no city); enterprise accounts the register's city by USCC (accounts without a register
-- entry count for no city); every other dataset its city_code. The month is the first day of the
-- month of the date that decides the dataset's period, January 1 of the year for annual
-- datasets, and NULL for datasets without a period (gi_products, enterprises).
-- patent_intensive_classification has no city and is left out.
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

gi_products as (
    select * from stg_gi_products
),

gi_output as (
    select * from stg_gi_output
),

enterprises as (
    select * from stg_enterprises
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

tech_contracts as (
    select * from stg_tech_contracts
),

programme_records as (
    select * from stg_programme_records
),

-- Both parties of every event; UNION (not UNION ALL) keeps a local event once.
event_parties as (
    select cast('patent_events' as varchar) as dataset, _source_sha256, _source_row, from_city_code as city_code, effective_date as row_date
    from patent_events
    union
    select cast('patent_events' as varchar) as dataset, _source_sha256, _source_row, to_city_code as city_code, effective_date as row_date
    from patent_events
    union
    select cast('trademark_events' as varchar) as dataset, _source_sha256, _source_row, from_city_code as city_code, effective_date as row_date
    from trademark_events
    union
    select cast('trademark_events' as varchar) as dataset, _source_sha256, _source_row, to_city_code as city_code, effective_date as row_date
    from trademark_events
),

dated_rows as (
    select dataset, _source_sha256, _source_row, city_code, row_date
    from event_parties
    union all
    select cast('patents' as varchar) as dataset, _source_sha256, _source_row, city_code, application_date as row_date
    from patents
    union all
    select cast('trademarks' as varchar) as dataset, _source_sha256, _source_row, city_code, application_date as row_date
    from trademarks
    union all
    select cast('pledges' as varchar) as dataset, _source_sha256, _source_row, pledgor_city_code as city_code, registration_date as row_date
    from pledges
    union all
    select cast('tech_contracts' as varchar) as dataset, _source_sha256, _source_row, seller_city_code as city_code, registration_date as row_date
    from tech_contracts
    union all
    select cast('programme_records' as varchar) as dataset, _source_sha256, _source_row, city_code, event_date as row_date
    from programme_records
    union all
    select cast('gi_output' as varchar) as dataset, gi_output._source_sha256, gi_output._source_row, gi_products.city_code, gi_output.period as row_date
    from gi_output
    inner join gi_products
        on gi_products.gi_id = gi_output.gi_id
    union all
    select cast('enterprise_accounts' as varchar) as dataset, enterprise_accounts._source_sha256, enterprise_accounts._source_row, enterprises.city_code,
        cast(cast(enterprise_accounts.year as varchar) || '-01-01' as date) as row_date
    from enterprise_accounts
    inner join enterprises
        on enterprises.uscc = enterprise_accounts.uscc
    union all
    select cast('industry_accounts' as varchar) as dataset, _source_sha256, _source_row, city_code, cast(cast(year as varchar) || '-01-01' as date) as row_date
    from industry_accounts
    union all
    select cast('city_accounts' as varchar) as dataset, _source_sha256, _source_row, city_code, cast(cast(year as varchar) || '-01-01' as date) as row_date
    from city_accounts
    union all
    select cast('gi_products' as varchar) as dataset, _source_sha256, _source_row, city_code, cast(null as date) as row_date
    from gi_products
    union all
    select cast('enterprises' as varchar) as dataset, _source_sha256, _source_row, city_code, cast(null as date) as row_date
    from enterprises
),

final as (
    select
        dataset,
        _source_sha256,
        _source_row,
        city_code,
        cast(date_trunc('month', row_date) as date) as month
    from dated_rows
    where city_code is not null
)

select * from final
