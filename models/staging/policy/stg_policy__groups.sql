with

source as (

    select * from {{ ref('groups') }}

),

final as (

    select
        description,
        purpose,
        trim(group_name) as group_name,
        {{ uc_governance.principal_key_sql('group_name') }} as principal_key,
        nullif(trim(idp_group), '') as idp_group
    from source

)

select * from final
