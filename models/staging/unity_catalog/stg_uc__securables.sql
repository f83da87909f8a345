{#- Live catalogs, schemas, tables and views of the managed catalogs, with their owners, as read
    at build time. Empty on target local (DuckDB). -#}
-- depends_on: {{ source('unity_catalog', 'catalogs') }}
-- depends_on: {{ source('unity_catalog', 'schemata') }}
-- depends_on: {{ source('unity_catalog', 'tables') }}
-- depends_on: {{ source('unity_catalog', 'volumes') }}
-- depends_on: {{ source('unity_catalog', 'routines') }}
{{ uc_governance.live_securables_sql(uc_governance.present_managed_catalogs(ref('stg_policy__securables'))) }}
