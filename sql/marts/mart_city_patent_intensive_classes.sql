-- mart_city_patent_intensive_classes: the patent-intensive classes of each configured city and
-- year, by both accounting methods, so that every report figure can be traced to its classes.
-- Grain: one row per configured city_code, classification_version, year and industry_code of a
-- class of that version with enterprise accounts or industry_accounts rows that year.
-- Enterprise method: enterprise_value_added_cny sums the counted enterprises (every enterprise of
-- a full class; of a partial class only those holding a granted, in-force invention patent).
-- Industry method: industry_value_added_cny is the bureau's value added of the whole class; the
-- report weights a partial class by a share (configured, else derived as
-- enterprise_value_added_holders_cny / enterprise_value_added_all_cny), see docs/patent-intensive.md.
with city_config as (
    select * from stg_city_config
),

classified_enterprises as (
    select * from int_patent_intensive_enterprises
),

industry_value_added as (
    select * from int_patent_intensive_industry_value_added
),

enterprise_classes as (
    select
        classification_version,
        city_code,
        year,
        industry_code,
        category_code,
        partial,
        cast(count(*) as bigint) as enterprise_count,
        cast(count(case when counted then 1 end) as bigint) as counted_enterprise_count,
        cast(count(case when counted and value_added_approach = 'production' then 1 end) as bigint) as counted_production_approach_count,
        cast(sum(case when counted then value_added_cny else cast(0 as decimal(38, 2)) end) as decimal(38, 2)) as enterprise_value_added_cny,
        cast(sum(value_added_cny) as decimal(38, 2)) as enterprise_value_added_all_cny,
        cast(sum(case when holds_in_force_invention then value_added_cny else cast(0 as decimal(38, 2)) end) as decimal(38, 2))
            as enterprise_value_added_holders_cny
    from classified_enterprises
    group by classification_version, city_code, year, industry_code, category_code, partial
),

both_methods as (
    select
        coalesce(enterprise_classes.classification_version, industry_value_added.classification_version) as classification_version,
        coalesce(enterprise_classes.city_code, industry_value_added.city_code) as city_code,
        coalesce(enterprise_classes.year, industry_value_added.year) as year,
        coalesce(enterprise_classes.industry_code, industry_value_added.industry_code) as industry_code,
        coalesce(enterprise_classes.category_code, industry_value_added.category_code) as category_code,
        coalesce(enterprise_classes.partial, industry_value_added.partial) as partial,
        coalesce(enterprise_classes.enterprise_count, cast(0 as bigint)) as enterprise_count,
        coalesce(enterprise_classes.counted_enterprise_count, cast(0 as bigint)) as counted_enterprise_count,
        coalesce(enterprise_classes.counted_production_approach_count, cast(0 as bigint)) as counted_production_approach_count,
        enterprise_classes.enterprise_value_added_cny,
        enterprise_classes.enterprise_value_added_all_cny,
        enterprise_classes.enterprise_value_added_holders_cny,
        industry_value_added.industry_value_added_cny
    from enterprise_classes
    full outer join industry_value_added
        on industry_value_added.classification_version = enterprise_classes.classification_version
        and industry_value_added.city_code = enterprise_classes.city_code
        and industry_value_added.year = enterprise_classes.year
        and industry_value_added.industry_code = enterprise_classes.industry_code
),

final as (
    select both_methods.*
    from both_methods
    inner join city_config
        on city_config.city_code = both_methods.city_code
)

select * from final
