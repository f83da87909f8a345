{#- Private (live_securables_sql): the metastore-level securables with their owners, one read of
    each object view of system.information_schema, in the columns of _read_live_securables. Storage
    and service credentials come from `credentials` (Databricks SQL and DBR 15.4+;
    `storage_credentials` is deprecated there and lists no service credentials), told apart by
    credential_purpose. The metastore row is `metastore`, owned by the metastore admin. -#}
{% macro _read_metastore_securables() %}
    select
        'METASTORE' as securable_class,
        'metastore' as securable_name,
        metastore_owner as owner,
        'METASTORE' as object_type
    from {{ source('unity_catalog', 'metastores') }}
    union all
    select
        'EXTERNAL LOCATION' as securable_class,
        lower(external_location_name) as securable_name,
        external_location_owner as owner,
        'EXTERNAL LOCATION' as object_type
    from {{ source('unity_catalog', 'external_locations') }}
    union all
    select
        upper(credential_purpose) || ' CREDENTIAL' as securable_class,
        lower(credential_name) as securable_name,
        credential_owner as owner,
        upper(credential_purpose) || ' CREDENTIAL' as object_type
    from {{ source('unity_catalog', 'credentials') }}
    union all
    select
        'CONNECTION' as securable_class,
        lower(connection_name) as securable_name,
        connection_owner as owner,
        'CONNECTION' as object_type
    from {{ source('unity_catalog', 'connections') }}
{% endmacro %}
