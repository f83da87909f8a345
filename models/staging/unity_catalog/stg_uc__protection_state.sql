{#- Live protection state (column masks, row filters, `classification` column tags, the
    views with their comments, the governance schema's functions) on the managed catalogs, as read at build time. On target
    local (DuckDB) there is no Unity Catalog and this table is empty. -#}
-- depends_on: {{ source('unity_catalog', 'column_masks') }}
-- depends_on: {{ source('unity_catalog', 'row_filters') }}
-- depends_on: {{ source('unity_catalog', 'column_tags') }}
-- depends_on: {{ source('unity_catalog', 'routines') }}
-- depends_on: {{ source('unity_catalog', 'tables') }}
{{ uc_governance.live_protection_sql(
    uc_governance.present_managed_catalogs(ref('stg_policy__securables')),
    uc_governance.uc_governance_config()['protection_function_schema']) }}
