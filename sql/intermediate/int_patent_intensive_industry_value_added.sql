-- int_patent_intensive_industry_value_added: the statistics bureau's value added of each
-- patent-intensive class (industry_accounts) per city and year, beside what the enterprise data
-- says about the class, from which the share of a partial class can be derived.
-- Grain: one row per classification version, city_code, year and industry_code with
-- industry_accounts rows for a class of that version. District rows are summed to their city.
-- enterprise_value_added_all_cny: value added of every enterprise of the city in the class that
-- year; enterprise_value_added_holders_cny: of those holding a granted, in-force invention
-- patent. Both are null when no enterprise of the class has accounts that year.
with industry_accounts as (
    select * from stg_industry_accounts
),

classification as (
    select * from stg_patent_intensive_classification
),

enterprise_value_added as (
    select * from int_enterprise_value_added
),

industry_by_city as (
    select
        city_code,
        year,
        industry_code,
        cast(sum(value_added_cny) as decimal(38, 2)) as industry_value_added_cny
    from industry_accounts
    group by city_code, year, industry_code
),

enterprises_by_class as (
    select
        city_code,
        year,
        industry_code,
        cast(count(*) as bigint) as enterprise_count,
        cast(sum(value_added_cny) as decimal(38, 2)) as enterprise_value_added_all_cny,
        cast(sum(case when in_force_invention_patents > 0 then value_added_cny else cast(0 as decimal(38, 2)) end) as decimal(38, 2))
            as enterprise_value_added_holders_cny
    from enterprise_value_added
    where in_register
    group by city_code, year, industry_code
),

final as (
    select
        classification.version as classification_version,
        industry_by_city.city_code,
        industry_by_city.year,
        industry_by_city.industry_code,
        classification.category_code,
        classification.partial,
        industry_by_city.industry_value_added_cny,
        coalesce(enterprises_by_class.enterprise_count, cast(0 as bigint)) as enterprise_count,
        enterprises_by_class.enterprise_value_added_all_cny,
        enterprises_by_class.enterprise_value_added_holders_cny
    from industry_by_city
    inner join classification
        on classification.industry_code = industry_by_city.industry_code
    left join enterprises_by_class
        on enterprises_by_class.city_code = industry_by_city.city_code
        and enterprises_by_class.year = industry_by_city.year
        and enterprises_by_class.industry_code = industry_by_city.industry_code
)

select * from final
