{#- Live privileges on the managed catalogs, as read at build time. On target local (DuckDB)
    there is no Unity Catalog and this table is empty. -#}
-- depends_on: {{ source('unity_catalog', 'catalog_privileges') }}
-- depends_on: {{ source('unity_catalog', 'schema_privileges') }}
-- depends_on: {{ source('unity_catalog', 'table_privileges') }}
with

source as (

    {{ uc_governance.live_privileges_sql(uc_governance.present_managed_catalogs()) }}

),

final as (

    select
        securable_class,
        securable_name,
        grantee as principal,
        lower(grantee) as principal_key,
        {{ uc_governance.normalize_privilege_sql('privilege_type') }} as privilege,
        {{ uc_governance.is_direct_grant_sql('inherited_from') }} as is_direct,
        inherited_from
    from source

)

select * from final
