{#- A SELECT of the catalogs, schemas, tables, views, volumes and functions that exist in the
    given catalogs, with their owners: one read of information_schema catalogs, schemata, tables,
    volumes and routines per catalog. Columns: securable_class (CATALOG, SCHEMA, TABLE, VOLUME,
    FUNCTION), securable_name (lower case), owner,
    owner_key (uc_governance.principal_key_sql), object_type (CATALOG, SCHEMA, or the table_type), securable_type (the
    type as the securables seed names it: a table_type VIEW or METRIC_VIEW is a VIEW,
    MATERIALIZED_VIEW a MATERIALIZED VIEW, any other table_type (MANAGED, EXTERNAL,
    STREAMING_TABLE, FOREIGN, ...) a TABLE, as GRANT names it; information_schema.tables,
    "TABLE_TYPE"). With `metastore_level` true it also reads the metastore-level object views
    once (macro _read_metastore_securables). -#}
{% macro live_securables_sql(catalogs, metastore_level=false) %}
    select
        securable_class,
        securable_name,
        owner,
        {{ uc_governance.principal_key_sql('owner') }} as owner_key,
        object_type,
        case
            when securable_class != 'TABLE' then securable_class
            when object_type in ('VIEW', 'METRIC_VIEW') then 'VIEW'
            when object_type = 'MATERIALIZED_VIEW' then 'MATERIALIZED VIEW'
            else 'TABLE'
        end as securable_type
    from (
        {%- if metastore_level %}
        {{- uc_governance._read_metastore_securables() }}
            {%- if catalogs | length > 0 %}
        union all
        {{- uc_governance._read_live_securables(catalogs) }}
            {%- endif -%}
        {%- else %}
        {{- uc_governance._read_live_securables(catalogs) }}
        {%- endif %}
    ) as live_securables
{% endmacro %}

{#- One read of catalogs, schemata, tables, volumes and routines per catalog, unioned; empty
    without catalogs. -#}
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
    union all
    select
        'VOLUME' as securable_class,
        lower(volume_catalog || '.' || volume_schema || '.' || volume_name) as securable_name,
        volume_owner as owner,
        'VOLUME' as object_type
    from {{ uc_governance.information_schema_relation_sql(catalog, 'volumes') }}
    union all
    select
        'FUNCTION' as securable_class,
        lower(routine_catalog || '.' || routine_schema || '.' || routine_name) as securable_name,
        routine_owner as owner,
        'FUNCTION' as object_type
    from {{ uc_governance.information_schema_relation_sql(catalog, 'routines') }}
            {%- if not loop.last %}
    union all
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
{% endmacro %}
