{#- Plan rows (step 0, no statement): declared securables that do not exist and that this
    project does not create (tables and views built by pipelines); their grants and owner wait.
    `securable_state` has the columns of int_access__securable_state. -#}
{% macro plan_missing_securables_sql(securable_state) %}
    select
        0 as plan_step,
        'missing_securable' as action,
        securable_type,
        securable_name,
        cast(null as {{ dbt.type_string() }}) as principal,
        cast(null as {{ dbt.type_string() }}) as privileges,
        0 as privilege_count,
        0 as destructive_count,
        cast(null as {{ dbt.type_string() }}) as statement,
        'does not exist and is not created by uc_governance; its grants and owner wait until it does'
        as reason
    from {{ securable_state }} as securable_state
    where not exists_now and not created_by_uc_governance
{% endmacro %}
