{#- Plan rows (step 50, destructive): ALTER TABLE ... ALTER COLUMN ... UNSET TAGS
    ('classification') for each live classification tag on a column of a table listed in
    protected_tables.csv that native protection does not tag. Each counts 1 against the
    blast-radius guard. `tags` has the columns of int_protection__native_tags, `live_state`
    those of stg_uc__protection_state, `protected_tables` those of
    stg_policy__protected_tables. -#}
{% macro plan_unset_tags_sql(tags, live_state, protected_tables) %}
    select
        {{- uc_governance._protection_plan_row_sql(
            50, 'unset_tag', "'COLUMN'", "live.table_name || '.' || live.column_key",
            "'ALTER TABLE ' || " ~ uc_governance._quoted_three_part_sql('live.table_name')
            ~ " || ' ALTER COLUMN ' || " ~ uc_governance.quote_identifier_sql('live.column_key')
            ~ " || ' UNSET TAGS (' || " ~ uc_governance.quote_string_sql('live.object_name') ~ " || ')'",
            "'tagged ' || live.object_name || ' = ' || live.detail || '; the protection seeds declare no native tag on this column'",
            destructive=1) }}
    from {{ live_state }} as live
    inner join {{ protected_tables }} as protected_tables
        on live.table_name = protected_tables.table_name
    left join {{ tags }} as tags
        on
            live.table_name = tags.table_name
            and live.column_key = tags.column_key
            and live.object_name = tags.tag_name
    where live.state_kind = 'column_tag' and tags.column_key is null
{% endmacro %}
