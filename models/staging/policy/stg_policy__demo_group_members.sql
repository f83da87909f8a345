{#- Demo-only simulated account group membership: target local answers
    is_account_group_member() from this table for var uc_governance_local_user. -#}
with

source as (

    select * from {{ ref('demo_group_members') }}

),

final as (

    select
        persona,
        trim(user_name) as user_name,
        lower(trim(user_name)) as user_key,
        trim(group_name) as group_name,
        lower(trim(group_name)) as group_key,
        lower(trim(user_name)) || ' | ' || lower(trim(group_name)) as row_key
    from source

)

select * from final
