{#- Live privileges on the managed catalogs and on the metastore-level securables (read once),
    as read at build time. On target local (DuckDB)
    there is no Unity Catalog and this table is empty. -#}
-- depends_on: {{ source('unity_catalog', 'catalog_privileges') }}
-- depends_on: {{ source('unity_catalog', 'schema_privileges') }}
-- depends_on: {{ source('unity_catalog', 'table_privileges') }}
-- depends_on: {{ source('unity_catalog', 'volume_privileges') }}
-- depends_on: {{ source('unity_catalog', 'routine_privileges') }}
-- depends_on: {{ source('unity_catalog', 'metastore_privileges') }}
-- depends_on: {{ source('unity_catalog', 'external_location_privileges') }}
-- depends_on: {{ source('unity_catalog', 'credential_privileges') }}
-- depends_on: {{ source('unity_catalog', 'credentials') }}
-- depends_on: {{ source('unity_catalog', 'connection_privileges') }}
{{ uc_governance.live_privileges_sql(
    uc_governance.present_managed_catalogs(ref('stg_policy__securables')),
    metastore_level=uc_governance.can_enforce_grants()
) }}
