{#- Private (live_privileges_sql): one read of each metastore-level privilege view of
    system.information_schema, unioned, in the columns of _read_live_privileges. Read once per
    run, never per catalog. The metastore is named `metastore` (securables seed spelling; its
    metastore_id is not needed: a workspace has one metastore). Service credentials have no
    privilege view in information_schema (docs: CREDENTIALS lists them, no CREDENTIAL_PRIVILEGES
    view exists): their grants are not read, so never revoked (docs/decisions/0042). -#}
{% macro _read_metastore_privileges() %}
    select
        'METASTORE' as securable_class,
        'metastore' as securable_name,
        grantee,
        privilege_type,
        inherited_from
    from {{ source('unity_catalog', 'metastore_privileges') }}
    union all
    select
        'EXTERNAL LOCATION' as securable_class,
        lower(external_location_name) as securable_name,
        grantee,
        privilege_type,
        inherited_from
    from {{ source('unity_catalog', 'external_location_privileges') }}
    union all
    select
        'STORAGE CREDENTIAL' as securable_class,
        lower(storage_credential_name) as securable_name,
        grantee,
        privilege_type,
        inherited_from
    from {{ source('unity_catalog', 'storage_credential_privileges') }}
    union all
    select
        'CONNECTION' as securable_class,
        lower(connection_name) as securable_name,
        grantee,
        privilege_type,
        inherited_from
    from {{ source('unity_catalog', 'connection_privileges') }}
{% endmacro %}
