{#- Live privileges on the managed catalogs, as read at build time. On target local (DuckDB)
    there is no Unity Catalog and this table is empty. -#}
-- depends_on: {{ source('unity_catalog', 'catalog_privileges') }}
-- depends_on: {{ source('unity_catalog', 'schema_privileges') }}
-- depends_on: {{ source('unity_catalog', 'table_privileges') }}
-- depends_on: {{ source('unity_catalog', 'volume_privileges') }}
-- depends_on: {{ source('unity_catalog', 'routine_privileges') }}
{{ uc_governance.live_privileges_sql(uc_governance.present_managed_catalogs(ref('stg_policy__securables'))) }}
