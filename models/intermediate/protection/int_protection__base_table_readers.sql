{#- One row per protected base table (classified or row-filtered) and group that can SELECT it
    directly, according to the declared grants: SELECT or ALL PRIVILEGES on the table, its schema
    or its catalog (inherited by every table below). Owners are not listed: an owner can change
    the protection itself. -#}
with

columns as (

    select * from {{ ref('int_protection__columns') }}

),

row_access as (

    select * from {{ ref('int_protection__row_access') }}

),

grants as (

    select * from {{ ref('int_access__desired_grants') }}

),

principals as (

    select * from {{ ref('int_access__declared_principals') }}

),

protected as (

    select table_name from columns
    where is_protected
    union distinct
    select table_name from row_access

),

final as (

    select distinct
        protected.table_name,
        grants.principal_key as group_key,
        grants.principal_name as group_name,
        grants.securable_type as granted_on_type,
        grants.securable_name as granted_on
    from protected
    inner join grants
        on
            grants.privilege in ('SELECT', 'ALL PRIVILEGES')
            and (
                (grants.securable_type = 'TABLE' and protected.table_name = grants.securable_name)
                or (
                    grants.securable_type = 'SCHEMA'
                    and grants.securable_name
                    = split_part(protected.table_name, '.', 1) || '.' || split_part(protected.table_name, '.', 2)
                )
                or (
                    grants.securable_type = 'CATALOG'
                    and grants.securable_name = split_part(protected.table_name, '.', 1)
                )
            )
    inner join principals
        on
            grants.principal_key = principals.principal_key
            and principals.principal_type = 'GROUP'

)

select * from final
