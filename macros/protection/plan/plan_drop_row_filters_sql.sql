{#- Plan rows (step 50, destructive): ALTER TABLE ... DROP ROW FILTER for each live row filter
    on a table listed in protected_tables.csv that native protection does not filter, or
    filters with another function or other columns (replaced at step 60; SET over an existing
    filter is not relied on, see _policy_set_replaces). Each counts 1 against the
    blast-radius guard. `row_filters` has the columns of int_protection__native_row_filters,
    `live_state` those of stg_uc__protection_state, `protected_tables` those of
    stg_policy__protected_tables. -#}
{% macro plan_drop_row_filters_sql(row_filters, live_state, protected_tables) %}
    select
        {{- uc_governance._protection_plan_row_sql(
            50, 'drop_row_filter', "'TABLE'", 'live.table_name',
            "'ALTER TABLE ' || " ~ uc_governance._quoted_three_part_sql('live.table_name')
            ~ " || ' DROP ROW FILTER'",
            "case when row_filters.table_name is null then 'filtered by ' || live.object_name "
            ~ "|| '; the protection seeds declare no native row filter on this table' "
            ~ "else 'filtered by ' || live.object_name || '; replaced by ' || row_filters.function_name "
            ~ "|| ' (the old filter is dropped before the new one is set)' end",
            destructive=1) }}
    from {{ live_state }} as live
    inner join {{ protected_tables }} as protected_tables
        on live.table_name = protected_tables.table_name
    left join {{ row_filters }} as row_filters
        on live.table_name = row_filters.table_name
    where
        live.state_kind = 'row_filter'
        and (
            row_filters.table_name is null
            {%- if not uc_governance._policy_set_replaces() %}
            or live.object_name != row_filters.function_name
            or coalesce(live.detail, '') != row_filters.target_columns
            {%- endif %}
        )
{% endmacro %}
