{#- Private: the plan row contract (docs/decisions/0004) for a row about a securable itself, with
    no principal or privileges: the information rows of step 0 (no statement) and the actions
    that create or change the securable (create, protection). Arguments are SQL expressions over
    the action's rows; `securable_type`/`securable_name` default to the columns of that name,
    `statement` to null, `destructive` (a number) feeds the blast-radius guard. -#}
{% macro _info_plan_row_sql(action, reason, plan_step=0, statement=none,
        securable_type='securable_type', securable_name='securable_name', destructive=0) %}
        {{ plan_step }} as plan_step,
        {{ action }} as action,
        {{ securable_type }} as securable_type,
        {{ securable_name }} as securable_name,
        cast(null as {{ dbt.type_string() }}) as principal,
        cast(null as {{ dbt.type_string() }}) as privileges,
        0 as privilege_count,
        {{ destructive }} as destructive_count,
        {{ statement if statement is not none else 'cast(null as ' ~ dbt.type_string() ~ ')' }} as statement,
        {{ reason }} as reason
{% endmacro %}
