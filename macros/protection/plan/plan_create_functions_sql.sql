{#- Plan rows (step 20): CREATE OR REPLACE FUNCTION for each mask or row filter function native
    protection needs that does not exist in the governance schema, or whose live comment does
    not carry this definition's fingerprint (changed, or replaced out of band). `functions` has
    the columns of int_protection__native_functions, `live_state` those of
    stg_uc__protection_state. -#}
{% macro plan_create_functions_sql(functions, live_state) %}
    select
        {{- uc_governance._protection_plan_row_sql(
            20, 'create_function', "'FUNCTION'", 'functions.function_name', 'functions.create_statement',
            "case when live.object_name is null then 'native protection function; does not exist' "
            ~ "else 'native protection function; its live definition differs' end") }}
    from {{ functions }} as functions
    left join (
        select object_name, detail from {{ live_state }}
        where state_kind = 'function'
    ) as live
        on functions.function_name = live.object_name
    where live.object_name is null or coalesce(live.detail, '') != functions.function_comment
{% endmacro %}
