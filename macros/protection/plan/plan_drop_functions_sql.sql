{#- Plan rows (step 55, destructive): DROP FUNCTION IF EXISTS for each function of the governance
    schema that uc_governance created (its live comment starts `uc_governance ` and carries the
    `[definition ...]` fingerprint, int_protection__native_functions) and that no native mask
    or row filter needs any more. Functions made by anyone else are never dropped. Step 55
    comes after step 50, which drops (or, before a replacement, clears) every mask and filter
    on the protected tables that uses such a function; a function still used by a live mask or
    filter on a table that protected_tables.csv does not list (left alone by the plan) is kept.
    Each drop counts 1 against the blast-radius guard. `functions` has the columns of
    int_protection__native_functions, `live_state` those of stg_uc__protection_state,
    `protected_tables` those of stg_policy__protected_tables. -#}
{% macro plan_drop_functions_sql(functions, live_state, protected_tables) %}
    select
        {{- uc_governance._protection_plan_row_sql(
            55, 'drop_function', "'FUNCTION'", 'live.object_name',
            "'DROP FUNCTION IF EXISTS ' || " ~ uc_governance._quoted_three_part_sql('live.object_name'),
            "'created by uc_governance; no native mask or row filter of the policy uses it any more'",
            destructive=1) }}
    from {{ live_state }} as live
    left join {{ functions }} as functions
        on live.object_name = functions.function_name
    left join (
        select distinct users.object_name from {{ live_state }} as users
        left join {{ protected_tables }} as protected_tables
            on users.table_name = protected_tables.table_name
        where
            users.state_kind in ('mask', 'row_filter')
            and protected_tables.table_name is null
    ) as used_elsewhere
        on live.object_name = used_elsewhere.object_name
    where
        live.state_kind = 'function'
        and functions.function_name is null
        and used_elsewhere.object_name is null
        and substring(live.detail, 1, 14) = 'uc_governance '
        and live.detail like '%[definition %]'
{% endmacro %}
