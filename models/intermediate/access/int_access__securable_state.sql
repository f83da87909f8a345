{#- Declared securables with their live state as read at build time: whether each exists now
    (dynamic views the plan creates count as existing once their base table exists) and who owns it. Logic: macro access_securable_state_sql (the drift test runs it on a fresh
    read). The metastore's owner (metastore admin) is read inline by partial_view_sql: no
    staging model, so no extra round trip (docs/decisions/0043). -#}
-- depends_on: {{ source('unity_catalog', 'metastores') }}
{{ uc_governance.access_securable_state_sql(
    ref('int_access__declared_securables'), ref('stg_uc__securables'),
    protection_views=ref('int_protection__view_definitions')) }}
