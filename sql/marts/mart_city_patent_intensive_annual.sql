-- mart_city_patent_intensive_annual: which accounting data each configured city has per year,
-- the enterprise-method total and the city's GDP, per classification version.
-- Grain: one row per configured city_code, classification_version and year in which the city has
-- enterprise accounts (of enterprises in its register) or industry_accounts rows.
-- enterprises_with_accounts > 0 means the enterprise method applies (it is then the headline);
-- enterprise_value_added_cny is its total (0 when no enterprise is in a patent-intensive class),
-- null when the city has no enterprise accounts that year. industry_rows > 0 means the industry
-- method applies. gdp_cny sums city_accounts over the city's reporting areas; null when absent.
with city_config as (
    select * from stg_city_config
),

classification as (
    select * from stg_patent_intensive_classification
),

enterprise_value_added as (
    select * from int_enterprise_value_added
),

classified_enterprises as (
    select * from int_patent_intensive_enterprises
),

industry_accounts as (
    select * from stg_industry_accounts
),

city_accounts as (
    select * from stg_city_accounts
),

versions as (
    select distinct version as classification_version
    from classification
),

enterprise_years as (
    select
        city_code,
        year,
        cast(count(*) as bigint) as enterprises_with_accounts
    from enterprise_value_added
    where in_register
    group by city_code, year
),

industry_years as (
    select
        city_code,
        year,
        cast(count(*) as bigint) as industry_rows
    from industry_accounts
    group by city_code, year
),

city_years as (
    select city_code, year from enterprise_years
    union
    select city_code, year from industry_years
),

enterprise_method as (
    select
        classification_version,
        city_code,
        year,
        cast(sum(value_added_cny) as decimal(38, 2)) as enterprise_value_added_cny
    from classified_enterprises
    where counted
    group by classification_version, city_code, year
),

gdp as (
    select
        city_code,
        year,
        cast(sum(gdp_cny) as decimal(38, 2)) as gdp_cny
    from city_accounts
    group by city_code, year
),

final as (
    select
        city_years.city_code,
        versions.classification_version,
        city_years.year,
        coalesce(enterprise_years.enterprises_with_accounts, cast(0 as bigint)) as enterprises_with_accounts,
        case
            when enterprise_years.enterprises_with_accounts is null then cast(null as decimal(38, 2))
            else coalesce(enterprise_method.enterprise_value_added_cny, cast(0 as decimal(38, 2)))
        end as enterprise_value_added_cny,
        coalesce(industry_years.industry_rows, cast(0 as bigint)) as industry_rows,
        gdp.gdp_cny
    from city_years
    inner join city_config
        on city_config.city_code = city_years.city_code
    cross join versions
    left join enterprise_years
        on enterprise_years.city_code = city_years.city_code
        and enterprise_years.year = city_years.year
    left join industry_years
        on industry_years.city_code = city_years.city_code
        and industry_years.year = city_years.year
    left join enterprise_method
        on enterprise_method.classification_version = versions.classification_version
        and enterprise_method.city_code = city_years.city_code
        and enterprise_method.year = city_years.year
    left join gdp
        on gdp.city_code = city_years.city_code
        and gdp.year = city_years.year
)

select * from final
