{#- Plan rows (step 60): ALTER TABLE ... ALTER COLUMN ... SET MASK for each natively protected
    column whose live mask is missing, another function, or passes extra columns. Only tables
    that exist (their grants wait otherwise, as missing securables). `masks` has the columns of
    int_protection__native_masks, `live_state` those of stg_uc__protection_state,
    `securable_state` those of int_access__securable_state. -#}
{% macro plan_set_masks_sql(masks, live_state, securable_state) %}
    select
        {{- uc_governance._protection_plan_row_sql(
            60, 'set_mask', "'COLUMN'", 'masks.row_key',
            "'ALTER TABLE ' || " ~ uc_governance._quoted_three_part_sql('masks.table_name')
            ~ " || ' ALTER COLUMN ' || " ~ uc_governance.quote_identifier_sql('masks.column_name')
            ~ " || ' SET MASK ' || " ~ uc_governance._quoted_three_part_sql('masks.function_name'),
            "case when live.object_name is null then 'classified ' || masks.classification || '; no mask yet' "
            ~ "else 'classified ' || masks.classification || '; the live mask differs' end") }}
    from {{ masks }} as masks
    inner join {{ securable_state }} as tables
        on
            tables.securable_type = 'TABLE'
            and masks.table_name = tables.securable_name
            and tables.exists_now
    left join (
        select table_name, column_key, object_name, detail from {{ live_state }}
        where state_kind = 'mask'
    ) as live
        on masks.table_name = live.table_name and masks.column_key = live.column_key
    where
        live.object_name is null
        or live.object_name != masks.function_name
        or coalesce(live.detail, '') != ''
{% endmacro %}
