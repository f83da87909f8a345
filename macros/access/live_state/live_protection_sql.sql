{#- A SELECT of the native protection state Unity Catalog holds in the given catalogs: one read
    of each of information_schema column_masks, row_filters, column_tags and tables (its views,
    with their comments: the dynamic views' fingerprints, docs/decisions/0051) per catalog, and
    one read of the governance schema's routines (`function_schema`, `catalog.schema`; its comment
    carries the definition fingerprint), never one DESCRIBE per table. Columns: state_kind
    (`mask`, `row_filter`, `column_tag`, `view`, `function`), table_name (lower case; for a function its
    full name), column_key (lower case; null for a row filter or function), object_name (the
    mask or filter function, full lower-case name; the tag name), detail (the mask's USING
    columns, the filter's target columns, the tag value, the view's or function's comment). -#}
{% macro live_protection_sql(catalogs, function_schema) %}
    {%- set names = uc_governance._protection_state_columns() -%}
    {%- set function_catalog = function_schema.split('.')[0] -%}
    {%- if catalogs | length == 0 %}
    select
        cast(null as {{ dbt.type_string() }}) as state_kind,
        cast(null as {{ dbt.type_string() }}) as table_name,
        cast(null as {{ dbt.type_string() }}) as column_key,
        cast(null as {{ dbt.type_string() }}) as object_name,
        cast(null as {{ dbt.type_string() }}) as detail
    where 1 = 0
    {%- else -%}
        {%- for catalog in catalogs %}
    select
        'mask' as state_kind,
        lower({{ names['mask_table'] }}) as table_name,
        lower(column_name) as column_key,
        lower({{ names['mask_function'] }}) as object_name,
        {{ names['mask_using'] }} as detail
    from {{ uc_governance.information_schema_relation_sql(catalog, 'column_masks') }}
    union all
    select
        'row_filter' as state_kind,
        lower({{ names['filter_table'] }}) as table_name,
        cast(null as {{ dbt.type_string() }}) as column_key,
        lower({{ names['filter_function'] }}) as object_name,
        lower({{ names['filter_columns'] }}) as detail
    from {{ uc_governance.information_schema_relation_sql(catalog, 'row_filters') }}
    union all
    select
        'column_tag' as state_kind,
        lower({{ names['tag_table'] }}) as table_name,
        lower(column_name) as column_key,
        tag_name as object_name,
        tag_value as detail
    from {{ uc_governance.information_schema_relation_sql(catalog, 'column_tags') }}
    where tag_name = 'classification'
    union all
    select
        'view' as state_kind,
        lower(table_catalog || '.' || table_schema || '.' || table_name) as table_name,
        cast(null as {{ dbt.type_string() }}) as column_key,
        lower(table_catalog || '.' || table_schema || '.' || table_name) as object_name,
        comment as detail
    from {{ uc_governance.information_schema_relation_sql(catalog, 'tables') }}
    where upper(table_type) = 'VIEW'
            {%- if catalog == function_catalog %}
    union all
    select
        'function' as state_kind,
        lower(routine_catalog || '.' || routine_schema || '.' || routine_name) as table_name,
        cast(null as {{ dbt.type_string() }}) as column_key,
        lower(routine_catalog || '.' || routine_schema || '.' || routine_name) as object_name,
        {{ names['function_comment'] }} as detail
    from {{ uc_governance.information_schema_relation_sql(catalog, 'routines') }}
    where lower(routine_schema) = {{ uc_governance.string_literal_sql(function_schema.split('.')[1]) }}
            {%- endif %}
            {%- if not loop.last %}
    union all
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
{% endmacro %}

{#- The one place for the column spellings of information_schema column_masks, row_filters,
    column_tags and routines (the facts file marks masks and filters **verify**; evidence in
    docs/decisions/0050). The SQL reference pages (docs.databricks.com/sql/language-manual/
    information-schema/column_masks.html and row_filters.html) name catalog_name, schema_name,
    table_name, column_name, mask_catalog, mask_schema, mask_name, mask_col_usage, and
    catalog_name, schema_name, table_name, filter_catalog, filter_schema, filter_name,
    filter_col_usage. dbt-databricks 1.12 (fetch_column_masks_sql, fetch_row_filters_sql)
    reads table_catalog, table_schema, table_name, column_name, mask_name, using_columns and
    table_catalog, table_schema, table_name, filter_name, target_columns, and its functional
    tests, run against live warehouses, assert mask_name and filter_name hold the fully
    qualified function name. The adapter's spelling is used here, and the offline harness
    answers it; a warehouse answering the other spelling fails the live read loudly
    (unresolved column), never silently. Switching is this one edit. column_tags
    (catalog_name, schema_name, table_name, column_name, tag_name, tag_value) and
    routines.comment are as the reference gives them. -#}
{% macro _protection_state_columns() %}
    {{- return({
        'mask_table': "table_catalog || '.' || table_schema || '.' || table_name",
        'mask_function': 'mask_name',
        'mask_using': 'using_columns',
        'filter_table': "table_catalog || '.' || table_schema || '.' || table_name",
        'filter_function': 'filter_name',
        'filter_columns': 'target_columns',
        'tag_table': "catalog_name || '.' || schema_name || '.' || table_name",
        'function_comment': 'comment',
    }) -}}
{% endmacro %}
