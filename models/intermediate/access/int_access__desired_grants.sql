{#- The privileges the seeds declare, on declared securables, with the principal in its canonical
    spelling: a declared group as written, users and service principals in lower case. Besides
    the grants seed: EXECUTE on each native protection function for the groups it serves
    (int_protection__native_function_grants). -#}
with

grants as (

    select * from {{ ref('stg_policy__grants') }}

),

securables as (

    select * from {{ ref('int_access__declared_securables') }}

),

principals as (

    select * from {{ ref('int_access__declared_principals') }}

),

protection_grants as (

    select * from {{ ref('int_protection__native_function_grants') }}

),

seeded as (

    select
        securables.securable_type,
        securables.securable_class,
        securables.securable_name,
        securables.quoted_name,
        grants.principal_key,
        grants.privilege,
        coalesce(principals.principal_name, grants.principal_key) as principal_name
    from grants
    inner join securables
        on
            grants.securable_type = securables.securable_type
            and grants.securable_name = securables.securable_name
    left join principals
        on grants.principal_key = principals.principal_key

),

final as (

    select * from seeded
    union all
    select
        securable_type,
        securable_class,
        securable_name,
        quoted_name,
        principal_key,
        privilege,
        principal_name
    from protection_grants

)

select * from final
