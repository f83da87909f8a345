{#- A SELECT of every privilege row (direct and inherited) on the given catalogs, their schemas and
    their tables and views: one read of each information_schema privilege view per catalog.
    Columns: securable_class (CATALOG, SCHEMA, TABLE), securable_name (lower case), principal
    (as Unity Catalog spells it), principal_key (uc_governance.principal_key_sql), privilege (normalized spelling),
    is_direct, inherited_from. -#}
{% macro live_privileges_sql(catalogs) %}
    select
        securable_class,
        securable_name,
        grantee as principal,
        {{ uc_governance.principal_key_sql('grantee') }} as principal_key,
        {{ uc_governance.normalize_privilege_sql('privilege_type') }} as privilege,
        {{ uc_governance.is_direct_grant_sql('inherited_from') }} as is_direct,
        inherited_from
    from (
        {{- uc_governance._read_live_privileges(catalogs) }}
    ) as live_privileges
{% endmacro %}

{#- One read of catalog_privileges, schema_privileges and table_privileges per catalog, unioned. -#}
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
