{#- Live catalogs, schemas, tables and views of the managed catalogs and the metastore-level
    securables (read once), with their owners, as read at build time. Empty on target local (DuckDB). -#}
-- depends_on: {{ source('unity_catalog', 'catalogs') }}
-- depends_on: {{ source('unity_catalog', 'schemata') }}
-- depends_on: {{ source('unity_catalog', 'tables') }}
-- depends_on: {{ source('unity_catalog', 'volumes') }}
-- depends_on: {{ source('unity_catalog', 'routines') }}
-- depends_on: {{ source('unity_catalog', 'metastores') }}
-- depends_on: {{ source('unity_catalog', 'external_locations') }}
-- depends_on: {{ source('unity_catalog', 'credentials') }}
-- depends_on: {{ source('unity_catalog', 'connections') }}
{{ uc_governance.live_securables_sql(
    uc_governance.present_managed_catalogs(ref('stg_policy__securables')),
    metastore_level=uc_governance.can_enforce_grants()
) }}
