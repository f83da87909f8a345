{#- Plan rows (step 60): ALTER TABLE ... ALTER COLUMN ... SET TAGS ('classification' = '...')
    for each classified column of a natively protected table whose live tag is missing or has
    another value. Only tables that exist. `tags` has the columns of
    int_protection__native_tags, `live_state` those of stg_uc__protection_state,
    `securable_state` those of int_access__securable_state. -#}
{% macro plan_set_tags_sql(tags, live_state, securable_state) %}
    select
        {{- uc_governance._protection_plan_row_sql(
            60, 'set_tag', "'COLUMN'", 'tags.row_key',
            "'ALTER TABLE ' || " ~ uc_governance._quoted_three_part_sql('tags.table_name')
            ~ " || ' ALTER COLUMN ' || " ~ uc_governance.quote_identifier_sql('tags.column_name')
            ~ " || ' SET TAGS (' || " ~ uc_governance.quote_string_sql('tags.tag_name') ~ " || ' = ' || "
            ~ uc_governance.quote_string_sql('tags.tag_value') ~ " || ')'",
            "case when live.detail is null then 'classified ' || tags.tag_value || '; not tagged yet' "
            ~ "else 'classified ' || tags.tag_value || '; tagged ' || live.detail end") }}
    from {{ tags }} as tags
    inner join {{ securable_state }} as tables
        on
            tables.securable_type = 'TABLE'
            and tags.table_name = tables.securable_name
            and tables.exists_now
    left join (
        select table_name, column_key, object_name, detail from {{ live_state }}
        where state_kind = 'column_tag'
    ) as live
        on
            tags.table_name = live.table_name
            and tags.column_key = live.column_key
            and tags.tag_name = live.object_name
    where live.detail is null or live.detail != tags.tag_value
{% endmacro %}
