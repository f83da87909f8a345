with

source as (

    select * from {{ ref('grants') }}

),

final as (

    select
        reason,
        upper(trim(securable_type)) as securable_type,
        lower(trim(securable_name)) as securable_name,
        trim(principal) as principal,
        {{ uc_governance.principal_key_sql('principal') }} as principal_key,
        upper(trim(privilege)) as privilege,
        coalesce(allow_all_privileges, false) as allow_all_privileges,
        upper(trim(securable_type)) || ' ' || lower(trim(securable_name))
        || ' | ' || trim(principal) || ' | ' || upper(trim(privilege)) as row_key
    from source

)

select * from final
