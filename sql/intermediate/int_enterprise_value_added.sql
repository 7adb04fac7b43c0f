-- int_enterprise_value_added: value added of each enterprise in each year of its annual accounts,
-- with the register's city and industry class and its granted, in-force invention patents.
-- Grain: one row per uscc and year of the current enterprise_accounts rows.
-- Value added is the income approach (labour compensation + net production taxes + depreciation
-- + operating surplus) when all four components are given, else the production approach
-- (gross output - intermediate input); value_added_approach says which. Operating surplus and
-- net production taxes may be negative, so value added may be too.
-- in_force_invention_patents counts patents whose applicant_uscc is the enterprise, with
-- patent_type 'invention', legal_status 'granted' (有效, per the latest extract) and a
-- grant_date on or before 31 December of the year ("in force at the end of the year"). A lapsed,
-- invalidated or expired patent never counts: the extract gives no lapse date (docs/patent-intensive.md).
-- Accounts whose USCC is not in the register keep a row with in_register false and no city:
-- they cannot be placed in a city or class, so no figure counts them.
with enterprises as (
    select * from stg_enterprises
),

accounts as (
    select * from stg_enterprise_accounts
),

patents as (
    select * from stg_patents
),

valued as (
    select
        accounts.uscc,
        accounts.year,
        enterprises.uscc is not null as in_register,
        enterprises.city_code,
        enterprises.industry_code,
        enterprises.employees,
        case
            when accounts.labor_compensation_cny is not null
                and accounts.net_production_taxes_cny is not null
                and accounts.depreciation_cny is not null
                and accounts.operating_surplus_cny is not null
                then cast('income' as varchar)
            else cast('production' as varchar)
        end as value_added_approach,
        case
            when accounts.labor_compensation_cny is not null
                and accounts.net_production_taxes_cny is not null
                and accounts.depreciation_cny is not null
                and accounts.operating_surplus_cny is not null
                then cast(
                    accounts.labor_compensation_cny
                    + accounts.net_production_taxes_cny
                    + accounts.depreciation_cny
                    + accounts.operating_surplus_cny as decimal(38, 2)
                )
            else cast(accounts.gross_output_cny - accounts.intermediate_input_cny as decimal(38, 2))
        end as value_added_cny
    from accounts
    left join enterprises
        on enterprises.uscc = accounts.uscc
),

in_force_inventions as (
    select
        valued.uscc,
        valued.year,
        cast(count(patents.application_no) as bigint) as in_force_invention_patents
    from valued
    left join patents
        on patents.applicant_uscc = valued.uscc
        and patents.patent_type = 'invention'
        and patents.legal_status = 'granted'
        and patents.grant_date is not null
        and year(patents.grant_date) <= valued.year
    group by valued.uscc, valued.year
),

final as (
    select
        valued.uscc,
        valued.year,
        valued.in_register,
        valued.city_code,
        valued.industry_code,
        valued.employees,
        valued.value_added_approach,
        valued.value_added_cny,
        in_force_inventions.in_force_invention_patents
    from valued
    inner join in_force_inventions
        on in_force_inventions.uscc = valued.uscc
        and in_force_inventions.year = valued.year
)

select * from final
