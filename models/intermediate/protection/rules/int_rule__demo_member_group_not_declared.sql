{#- A simulated membership in a group that groups.csv does not declare. -#}
with

members as (

    select * from {{ ref('stg_policy__demo_group_members') }}

),

groups as (

    select * from {{ ref('stg_policy__groups') }}

),

final as (

    select
        '{{ uc_governance.seed_path("demo_group_members") }}' as seed_file,
        members.row_key,
        'group_name' as column_name,
        members.group_name as offending_value,
        'demo_member_group_not_declared' as rule_name,
        'is not a group declared in {{ uc_governance.seed_path("groups") }}' as message
    from members
    left join groups
        on members.group_key = groups.principal_key
    where groups.principal_key is null

)

select * from final
