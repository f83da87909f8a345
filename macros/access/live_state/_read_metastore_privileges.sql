{#- Private (live_privileges_sql): one read of each metastore-level privilege view of
    system.information_schema, unioned, in the columns of _read_live_privileges. Read once per
    run, never per catalog. The metastore is named `metastore` (securables seed spelling; its
    metastore_id is not needed: a workspace has one metastore). Storage and service credentials
    come from `credential_privileges` (DBR 15.4+, like `credentials`; SQL reference,
    information-schema/credential_privileges), which names the credential but not its purpose:
    the purpose (STORAGE | SERVICE) comes from `credentials`, joined on the name (credential
    names are unique in a metastore: the credentials REST API addresses one by name alone).
    The deprecated `storage_credential_privileges` is not read: during the service-credential
    preview it also listed service-credential grants (its reference page says so). -#}
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
        upper(credential.credential_purpose) || ' CREDENTIAL' as securable_class,
        lower(credential_privilege.credential_name) as securable_name,
        credential_privilege.grantee,
        credential_privilege.privilege_type,
        credential_privilege.inherited_from
    from {{ source('unity_catalog', 'credential_privileges') }} as credential_privilege
    inner join {{ source('unity_catalog', 'credentials') }} as credential
        on lower(credential_privilege.credential_name) = lower(credential.credential_name)
    union all
    select
        'CONNECTION' as securable_class,
        lower(connection_name) as securable_name,
        grantee,
        privilege_type,
        inherited_from
    from {{ source('unity_catalog', 'connection_privileges') }}
{% endmacro %}
