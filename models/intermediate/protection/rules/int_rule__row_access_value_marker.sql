{#- A row access rule must name exactly one of: an allowed value, or the every-row marker. -#}
with

row_access as (

    select * from {{ ref('stg_policy__row_access') }}

),

final as (

    select
        '{{ uc_governance.seed_path("row_access") }}' as seed_file,
        row_key,
        'allowed_value' as column_name,
        coalesce(allowed_value, '') as offending_value,
        'row_access_value_marker' as rule_name,
        case
            when all_rows then 'an every-row rule (all_rows = true) takes no allowed_value'
            else 'needs an allowed_value, or all_rows = true for every row'
        end as message
    from row_access
    where (all_rows and allowed_value is not null) or (not all_rows and allowed_value is null)

)

select * from final
