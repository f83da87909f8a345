{#- An enforcement mode other than `view`. Native Unity Catalog masks and row filters (`native`)
    are not built yet: refusing the row keeps the table from being left unprotected. -#}
with

protected_tables as (

    select * from {{ ref('stg_policy__protected_tables') }}

),

final as (

    select
        '{{ uc_governance.seed_path("protected_tables") }}' as seed_file,
        row_key,
        'enforcement' as column_name,
        enforcement as offending_value,
        'enforcement_unknown' as rule_name,
        case
            when enforcement = 'native'
                then 'native masks and row filters are not available yet; use view'
            else 'is not an enforcement mode; use view'
        end as message
    from protected_tables
    where enforcement != 'view'

)

select * from final
