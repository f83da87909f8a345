{#- A SELECT of every privilege row (direct and inherited) on the given catalogs, their schemas,
    tables, views, volumes and functions: one read of each information_schema privilege view per
    catalog (catalog_, schema_, table_, volume_ and routine_privileges), never one SHOW GRANTS per
    object. With `metastore_level` true it also reads the metastore-level privilege views once
    (macro _read_metastore_privileges: METASTORE, EXTERNAL LOCATION, STORAGE CREDENTIAL,
    CONNECTION), whether or not a catalog is given.
    Columns: securable_class (CATALOG, SCHEMA, TABLE, VOLUME, FUNCTION, or a metastore-level type), securable_name (lower case), principal
    (as Unity Catalog spells it), principal_key (uc_governance.principal_key_sql), privilege (normalized spelling),
    is_direct, inherited_from. -#}
{% macro live_privileges_sql(catalogs, metastore_level=false) %}
    select
        securable_class,
        securable_name,
        grantee as principal,
        {{ uc_governance.principal_key_sql('grantee') }} as principal_key,
        {{ uc_governance.normalize_privilege_sql('privilege_type') }} as privilege,
        {{ uc_governance.is_direct_grant_sql('inherited_from') }} as is_direct,
        inherited_from
    from (
        {%- if metastore_level %}
        {{- uc_governance._read_metastore_privileges() }}
            {%- if catalogs | length > 0 %}
        union all
        {{- uc_governance._read_live_privileges(catalogs) }}
            {%- endif -%}
        {%- else %}
        {{- uc_governance._read_live_privileges(catalogs) }}
        {%- endif %}
    ) as live_privileges
{% endmacro %}

{#- One read of catalog_, schema_, table_, volume_ and routine_privileges per catalog, unioned. -#}
{% macro _read_live_privileges(catalogs) %}
    {%- if catalogs | length == 0 -%}
        {{- uc_governance._empty_live_privileges() -}}
    {%- else -%}
        {%- for catalog in catalogs %}
    select
        'CATALOG' as securable_class,
        lower(catalog_name) as securable_name,
        grantee,
        privilege_type,
        inherited_from
    from {{ uc_governance.information_schema_relation_sql(catalog, 'catalog_privileges') }}
    where lower(catalog_name) = {{ uc_governance.string_literal_sql(catalog) }}
    union all
    select
        'SCHEMA' as securable_class,
        lower(catalog_name || '.' || schema_name) as securable_name,
        grantee,
        privilege_type,
        inherited_from
    from {{ uc_governance.information_schema_relation_sql(catalog, 'schema_privileges') }}
    union all
    select
        'TABLE' as securable_class,
        lower(table_catalog || '.' || table_schema || '.' || table_name) as securable_name,
        grantee,
        privilege_type,
        inherited_from
    from {{ uc_governance.information_schema_relation_sql(catalog, 'table_privileges') }}
    union all
    select
        'VOLUME' as securable_class,
        lower(volume_catalog || '.' || volume_schema || '.' || volume_name) as securable_name,
        grantee,
        privilege_type,
        inherited_from
    from {{ uc_governance.information_schema_relation_sql(catalog, 'volume_privileges') }}
    union all
    select
        'FUNCTION' as securable_class,
        lower(routine_catalog || '.' || routine_schema || '.' || routine_name) as securable_name,
        grantee,
        privilege_type,
        inherited_from
    from {{ uc_governance.information_schema_relation_sql(catalog, 'routine_privileges') }}
            {%- if not loop.last %}
    union all
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
{% endmacro %}

{#- The empty privilege read (no managed catalog exists yet, or no Unity Catalog). -#}
{% macro _empty_live_privileges() %}
    select
        cast(null as {{ dbt.type_string() }}) as securable_class,
        cast(null as {{ dbt.type_string() }}) as securable_name,
        cast(null as {{ dbt.type_string() }}) as grantee,
        cast(null as {{ dbt.type_string() }}) as privilege_type,
        cast(null as {{ dbt.type_string() }}) as inherited_from
    where 1 = 0
{% endmacro %}
