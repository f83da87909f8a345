{#- Plan rows (step 10): CREATE for each declared catalog or schema that does not exist.
    Clause order as the SQL reference gives it: CREATE CATALOG ... MANAGED LOCATION ... COMMENT;
    CREATE SCHEMA ... COMMENT ... MANAGED LOCATION. `securable_state` has the columns of
    int_access__securable_state. -#}
{% macro plan_create_securables_sql(securable_state) %}
    {%- set statement -%}
        'CREATE ' || securable_type || ' IF NOT EXISTS ' || quoted_name
        || case
            when securable_type = 'CATALOG'
                then coalesce(' MANAGED LOCATION ' || {{ uc_governance.quote_string_sql('managed_location') }}, '')
                || coalesce(' COMMENT ' || {{ uc_governance.quote_string_sql('securable_comment') }}, '')
            else coalesce(' COMMENT ' || {{ uc_governance.quote_string_sql('securable_comment') }}, '')
                || coalesce(' MANAGED LOCATION ' || {{ uc_governance.quote_string_sql('managed_location') }}, '')
        end
    {%- endset %}
    select
        {{- uc_governance._info_plan_row_sql(
            "'create_' || lower(securable_type)", "'declared in the securables seed; does not exist'",
            plan_step=10, statement=statement) }}
    from {{ securable_state }} as securable_state
    where created_by_uc_governance and not exists_now
{% endmacro %}
