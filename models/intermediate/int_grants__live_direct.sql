{#- Direct grants that exist now on the declared securables. Inherited rows are not grants on the
    child, and ownership is not a grant: neither is ever reconciled. -#}
with

live_privileges as (

    select * from {{ ref('stg_uc__privileges') }}

),

securables as (

    select * from {{ ref('int_securables__declared') }}

),

final as (

    select
        securables.securable_type,
        securables.securable_class,
        securables.securable_name,
        securables.quoted_name,
        live_privileges.principal_key,
        live_privileges.principal as principal_name,
        live_privileges.privilege
    from live_privileges
    inner join securables
        on
            live_privileges.securable_class = securables.securable_class
            and live_privileges.securable_name = securables.securable_name
    where
        live_privileges.is_direct
        and live_privileges.privilege not in ('OWN', 'OWNERSHIP', 'OWNER')

)

select distinct * from final
