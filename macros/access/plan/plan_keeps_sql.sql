{#- Plan rows (step 0, no statement): undeclared direct grants that are deliberately never
    revoked, with the reason (owner of the securable, protected principal). Inputs: the columns
    of int_access__grant_comparison and int_access__securable_state. -#}
{% macro plan_keeps_sql(grant_comparison, securable_state) %}
    select
        0 as plan_step,
        'keep' as action,
        securable_type,
        securable_name,
        principal_name as principal,
        {{ uc_governance.sorted_string_agg_sql('privilege', "', '") }} as privileges,
        count(*) as privilege_count,
        0 as destructive_count,
        cast(null as {{ dbt.type_string() }}) as statement,
        'not declared, but never revoked: ' || keep_reason as reason
    from ({{ uc_governance._undeclared_grants_sql(grant_comparison, securable_state) }}) as undeclared
    where keep_reason is not null
    group by securable_type, securable_name, principal_name, keep_reason
{% endmacro %}
