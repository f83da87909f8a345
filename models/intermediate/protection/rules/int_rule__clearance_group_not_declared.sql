{#- A clearance for a group that groups.csv does not declare. -#}
with

clearances as (

    select * from {{ ref('stg_policy__clearances') }}

),

groups as (

    select * from {{ ref('stg_policy__groups') }}

),

final as (

    select
        '{{ uc_governance.seed_path("clearances") }}' as seed_file,
        clearances.row_key,
        'group_name' as column_name,
        clearances.group_name as offending_value,
        'clearance_group_not_declared' as rule_name,
        'is not a group declared in {{ uc_governance.seed_path("groups") }}' as message
    from clearances
    left join groups
        on clearances.group_key = groups.principal_key
    where groups.principal_key is null

)

select * from final
