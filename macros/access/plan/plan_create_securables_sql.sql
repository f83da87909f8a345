{#- Plan rows (step 10): CREATE for each declared catalog or schema that does not exist.
    Clause order as the SQL reference gives it: CREATE CATALOG ... MANAGED LOCATION ... COMMENT;
    CREATE SCHEMA ... COMMENT ... MANAGED LOCATION. `securable_state` has the columns of
    int_access__securable_state. -#}
{% macro plan_create_securables_sql(securable_state) %}
    select
        10 as plan_step,
        'create_' || lower(securable_type) as action,
        securable_type,
        securable_name,
        cast(null as {{ dbt.type_string() }}) as principal,
        cast(null as {{ dbt.type_string() }}) as privileges,
        0 as privilege_count,
        0 as destructive_count,
        'CREATE ' || securable_type || ' IF NOT EXISTS ' || quoted_name
        || case
            when securable_type = 'CATALOG'
                then coalesce(' MANAGED LOCATION ' || {{ uc_governance.quote_string_sql('managed_location') }}, '')
                || coalesce(' COMMENT ' || {{ uc_governance.quote_string_sql('securable_comment') }}, '')
            else coalesce(' COMMENT ' || {{ uc_governance.quote_string_sql('securable_comment') }}, '')
                || coalesce(' MANAGED LOCATION ' || {{ uc_governance.quote_string_sql('managed_location') }}, '')
        end as statement,
        'declared in the securables seed; does not exist' as reason
    from {{ securable_state }} as securable_state
    where created_by_uc_governance and not exists_now
{% endmacro %}
