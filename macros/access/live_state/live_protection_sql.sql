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
    {%- set no_column = 'cast(null as ' ~ dbt.type_string() ~ ')' -%}
    {%- set view_name = "lower(table_catalog || '.' || table_schema || '.' || table_name)" -%}
    {%- set routine_name = "lower(routine_catalog || '.' || routine_schema || '.' || routine_name)" -%}
    {#- One read per information_schema view and catalog, all of one shape: the view, then the
        SQL expressions of the columns state_kind .. detail, then the read's filter. -#}
    {%- set reads = [
        {'kind': 'mask', 'view': 'column_masks', 'table_name': 'lower(' ~ names['mask_table'] ~ ')',
         'column_key': 'lower(column_name)', 'object_name': 'lower(' ~ names['mask_function'] ~ ')',
         'detail': names['mask_using'], 'where': none},
        {'kind': 'row_filter', 'view': 'row_filters',
         'table_name': 'lower(' ~ names['filter_table'] ~ ')', 'column_key': no_column,
         'object_name': 'lower(' ~ names['filter_function'] ~ ')',
         'detail': 'lower(' ~ names['filter_columns'] ~ ')', 'where': none},
        {'kind': 'column_tag', 'view': 'column_tags', 'table_name': 'lower(' ~ names['tag_table'] ~ ')',
         'column_key': 'lower(column_name)', 'object_name': 'tag_name', 'detail': 'tag_value',
         'where': "tag_name = 'classification'"},
        {'kind': 'view', 'view': 'tables', 'table_name': view_name, 'column_key': no_column,
         'object_name': view_name, 'detail': 'comment', 'where': "upper(table_type) = 'VIEW'"},
    ] -%}
    {%- set function_read = {
        'kind': 'function', 'view': 'routines', 'table_name': routine_name, 'column_key': no_column,
        'object_name': routine_name, 'detail': names['function_comment'],
        'where': 'lower(routine_schema) = '
            ~ uc_governance.string_literal_sql(function_schema.split('.')[1])} -%}
    {%- if catalogs | length == 0 %}
    select
        {{ no_column }} as state_kind,
        {{ no_column }} as table_name,
        {{ no_column }} as column_key,
        {{ no_column }} as object_name,
        {{ no_column }} as detail
    where 1 = 0
    {%- else -%}
        {%- for catalog in catalogs -%}
            {%- set catalog_reads = reads + ([function_read] if catalog == function_catalog else []) -%}
            {%- for read in catalog_reads %}
    select
        '{{ read.kind }}' as state_kind,
        {{ read.table_name }} as table_name,
        {{ read.column_key }} as column_key,
        {{ read.object_name }} as object_name,
        {{ read.detail }} as detail
    from {{ uc_governance.information_schema_relation_sql(catalog, read.view) }}
                {%- if read.where %}
    where {{ read.where }}
                {%- endif %}
                {%- if not loop.last %}
    union all
                {%- endif -%}
            {%- endfor -%}
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
