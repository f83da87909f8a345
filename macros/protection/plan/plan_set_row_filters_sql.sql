{#- Plan rows (step 60): ALTER TABLE ... SET ROW FILTER ... ON (...) for each natively protected
    table whose live row filter is missing, another function, or on other columns. Only tables
    that exist. `row_filters` has the columns of int_protection__native_row_filters,
    `live_state` those of stg_uc__protection_state, `securable_state` those of
    int_access__securable_state. -#}
{% macro plan_set_row_filters_sql(row_filters, live_state, securable_state) %}
    select
        {{- uc_governance._protection_plan_row_sql(
            60, 'set_row_filter', "'TABLE'", 'row_filters.table_name',
            "'ALTER TABLE ' || " ~ uc_governance._quoted_three_part_sql('row_filters.table_name')
            ~ " || ' SET ROW FILTER ' || " ~ uc_governance._quoted_three_part_sql('row_filters.function_name')
            ~ " || ' ON (' || row_filters.on_columns_sql || ')'",
            "case when live.object_name is null then 'row access rules; no row filter yet' "
            ~ "else 'row access rules; the live row filter differs' end") }}
    from {{ row_filters }} as row_filters
    inner join {{ securable_state }} as tables
        on
            tables.securable_type = 'TABLE'
            and row_filters.table_name = tables.securable_name
            and tables.exists_now
    left join (
        select table_name, object_name, detail from {{ live_state }}
        where state_kind = 'row_filter'
    ) as live
        on row_filters.table_name = live.table_name
    where
        live.object_name is null
        or live.object_name != row_filters.function_name
        or coalesce(live.detail, '') != row_filters.target_columns
{% endmacro %}
