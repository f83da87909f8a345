{#- A row access rule for a group that groups.csv does not declare. -#}
with

row_access as (

    select * from {{ ref('stg_policy__row_access') }}

),

groups as (

    select * from {{ ref('stg_policy__groups') }}

),

final as (

    select
        '{{ uc_governance.seed_path("row_access") }}' as seed_file,
        row_access.row_key,
        'group_name' as column_name,
        row_access.group_name as offending_value,
        'row_access_group_not_declared' as rule_name,
        'is not a group declared in {{ uc_governance.seed_path("groups") }}' as message
    from row_access
    left join groups
        on row_access.group_key = groups.principal_key
    where groups.principal_key is null

)

select * from final
