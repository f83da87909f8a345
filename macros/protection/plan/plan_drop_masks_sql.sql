{#- Plan rows (step 50, destructive): ALTER TABLE ... ALTER COLUMN ... DROP MASK for each live
    mask on a table listed in protected_tables.csv whose column native protection does not mask
    (declassified, or the table moved to enforcement 'view'), or masks with another function
    or other USING columns (replaced at step 60; SET over an existing mask is not relied on,
    see _policy_set_replaces). Masks on tables the seed does not list are left alone. Each
    counts 1 against the blast-radius guard. `masks` has the columns of
    int_protection__native_masks, `live_state` those of stg_uc__protection_state,
    `protected_tables` those of stg_policy__protected_tables. -#}
{% macro plan_drop_masks_sql(masks, live_state, protected_tables) %}
    select
        {{- uc_governance._protection_plan_row_sql(
            50, 'drop_mask', "'COLUMN'", "live.table_name || '.' || live.column_key",
            "'ALTER TABLE ' || " ~ uc_governance._quoted_three_part_sql('live.table_name')
            ~ " || ' ALTER COLUMN ' || " ~ uc_governance.quote_identifier_sql('live.column_key')
            ~ " || ' DROP MASK'",
            "case when masks.column_key is null then 'masked by ' || live.object_name "
            ~ "|| '; the protection seeds declare no native mask on this column' "
            ~ "else 'masked by ' || live.object_name || '; replaced by ' || masks.function_name "
            ~ "|| ' (the old mask is dropped before the new one is set)' end",
            destructive=1) }}
    from {{ live_state }} as live
    inner join {{ protected_tables }} as protected_tables
        on live.table_name = protected_tables.table_name
    left join {{ masks }} as masks
        on live.table_name = masks.table_name and live.column_key = masks.column_key
    where
        live.state_kind = 'mask'
        and (
            masks.column_key is null
            {%- if not uc_governance._policy_set_replaces() %}
            or live.object_name != masks.function_name
            or coalesce(live.detail, '') != ''
            {%- endif %}
        )
{% endmacro %}
