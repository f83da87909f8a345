{#- A SELECT of the catalogs, schemas, tables and views that exist in the given catalogs, with
    their owners: one read of information_schema catalogs, schemata and tables per catalog.
    Columns: securable_class (CATALOG, SCHEMA, TABLE), securable_name (lower case), owner,
    owner_key (uc_governance.principal_key_sql), object_type (CATALOG, SCHEMA, or the table_type). -#}
{% macro live_securables_sql(catalogs) %}
    select
        securable_class,
        securable_name,
        owner,
        {{ uc_governance.principal_key_sql('owner') }} as owner_key,
        object_type
    from (
        {{- uc_governance._read_live_securables(catalogs) }}
    ) as live_securables
{% endmacro %}

{#- One read of catalogs, schemata and tables per catalog, unioned; empty without catalogs. -#}
{% macro _read_live_securables(catalogs) %}
    {%- if catalogs | length == 0 %}
    select
        cast(null as {{ dbt.type_string() }}) as securable_class,
        cast(null as {{ dbt.type_string() }}) as securable_name,
        cast(null as {{ dbt.type_string() }}) as owner,
        cast(null as {{ dbt.type_string() }}) as object_type
    where 1 = 0
    {%- else -%}
        {%- for catalog in catalogs %}
    select
        'CATALOG' as securable_class,
        lower(catalog_name) as securable_name,
        catalog_owner as owner,
        'CATALOG' as object_type
    from {{ uc_governance.information_schema_relation_sql(catalog, 'catalogs') }}
    where lower(catalog_name) = {{ uc_governance.string_literal_sql(catalog) }}
    union all
    select
        'SCHEMA' as securable_class,
        lower(catalog_name || '.' || schema_name) as securable_name,
        schema_owner as owner,
        'SCHEMA' as object_type
    from {{ uc_governance.information_schema_relation_sql(catalog, 'schemata') }}
    union all
    select
        'TABLE' as securable_class,
        lower(table_catalog || '.' || table_schema || '.' || table_name) as securable_name,
        table_owner as owner,
        upper(table_type) as object_type
    from {{ uc_governance.information_schema_relation_sql(catalog, 'tables') }}
            {%- if not loop.last %}
    union all
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
{% endmacro %}
