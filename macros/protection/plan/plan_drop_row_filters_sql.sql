{#- Plan rows (step 50, destructive): ALTER TABLE ... DROP ROW FILTER for each live row filter
    on a table listed in protected_tables.csv that native protection does not filter. Each
    counts 1 against the blast-radius guard. `row_filters` has the columns of
    int_protection__native_row_filters, `live_state` those of stg_uc__protection_state,
    `protected_tables` those of stg_policy__protected_tables. -#}
{% macro plan_drop_row_filters_sql(row_filters, live_state, protected_tables) %}
    select
        {{- uc_governance._protection_plan_row_sql(
            50, 'drop_row_filter', "'TABLE'", 'live.table_name',
            "'ALTER TABLE ' || " ~ uc_governance._quoted_three_part_sql('live.table_name')
            ~ " || ' DROP ROW FILTER'",
            "'filtered by ' || live.object_name || '; the protection seeds declare no native row filter on this table'",
            destructive=1) }}
    from {{ live_state }} as live
    inner join {{ protected_tables }} as protected_tables
        on live.table_name = protected_tables.table_name
    left join {{ row_filters }} as row_filters
        on live.table_name = row_filters.table_name
    where live.state_kind = 'row_filter' and row_filters.table_name is null
{% endmacro %}
