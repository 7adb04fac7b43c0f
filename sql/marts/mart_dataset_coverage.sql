-- mart_dataset_coverage: the months each dataset's current rows span (first and last month with
-- a row), for analysts and the data-quality section. The months a dataset covers (where a month
-- without a row is a true zero) also depend on what the deliveries declared: docs/indicators.md
-- "Coverage".
-- Grain: one row per dataset that has current rows (datasets without rows are left out).
-- From mart_source_file_months: the month comes from the date that decides the dataset's period:
-- application_date (patents, trademarks), effective_date (patent / trademark events),
-- registration_date (pledges, tech contracts), period (gi_output), event_date (programme_records);
-- annual datasets cover January of their first year to December of their last. Reference datasets
-- without a period (gi_products, enterprises, patent_intensive_classification) are omitted.
with source_file_months as (
    select * from mart_source_file_months
),

final as (
    select
        dataset,
        min(first_month) as first_month,
        max(last_month) as last_month,
        cast(sum(row_count) as bigint) as row_count
    from source_file_months
    group by dataset
)

select * from final
