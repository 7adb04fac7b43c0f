-- int_patent_intensive_enterprises: enterprises of the patent-intensive classes of each
-- classification version, with the value added the enterprise method counts for them.
-- Grain: one row per classification version, uscc and year (enterprises in the register whose
-- industry class is in that version of the classification, in each year of their accounts).
-- counted: a class wholly in scope counts every enterprise; a class marked partial ("*") counts
-- only enterprises holding at least one granted, in-force invention patent at the end of the year.
with enterprise_value_added as (
    select * from int_enterprise_value_added
),

classification as (
    select * from stg_patent_intensive_classification
),

classified as (
    select
        classification.version as classification_version,
        enterprise_value_added.uscc,
        enterprise_value_added.year,
        enterprise_value_added.city_code,
        enterprise_value_added.industry_code,
        classification.category_code,
        classification.partial,
        enterprise_value_added.value_added_approach,
        enterprise_value_added.value_added_cny,
        enterprise_value_added.in_force_invention_patents,
        enterprise_value_added.in_force_invention_patents > 0 as holds_in_force_invention
    from enterprise_value_added
    inner join classification
        on classification.industry_code = enterprise_value_added.industry_code
    where enterprise_value_added.in_register
),

final as (
    select
        classification_version,
        uscc,
        year,
        city_code,
        industry_code,
        category_code,
        partial,
        value_added_approach,
        value_added_cny,
        in_force_invention_patents,
        holds_in_force_invention,
        (not partial) or holds_in_force_invention as counted
    from classified
)

select * from final
